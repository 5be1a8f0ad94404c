# %% [markdown] lang="en"
# # Qiskit patterns with the primitives
#
# Every program that runs on an IBM Quantum device follows the same four steps, which IBM calls a
# **Qiskit pattern**:
#
# 1. **Map** the problem to quantum circuits and observables.
# 2. **Optimise** them for the target device: the result is an **ISA circuit** (Instruction Set
#    Architecture), which uses only the device's native gates on its connected qubits.
# 3. **Execute** them with a **primitive**: the **Sampler** returns measured bitstrings, the
#    **Estimator** returns expectation values of observables.
# 4. **Post-process** the results: counts, marginals, expectation values, plots.
#
# Earlier modules ran circuits with `backend.run(...)` on the Aer simulator. IBM's devices do not
# take work that way: they accept only ISA circuits, and only through the Sampler and Estimator
# primitives. This module does every step offline, with a *fake backend* of a 156-qubit Heron
# processor and the **local testing mode** of `qiskit-ibm-runtime`, which runs the primitives on
# Aer with exactly the code you would send to a real device.

# %% [markdown] lang="ko"
# # 프리미티브로 익히는 Qiskit 패턴
#
# IBM Quantum 장치에서 실행되는 프로그램은 모두 같은 네 단계를 따릅니다. IBM은 이를 **Qiskit 패턴**이라고
# 부릅니다.
#
# 1. **사상(map)**: 문제를 양자 회로와 관측량(observable)으로 옮깁니다.
# 2. **최적화(optimise)**: 회로를 목표 장치에 맞춥니다. 그 결과는 장치의 고유 게이트만, 그것도 연결된
#    큐비트 사이에서만 쓰는 **ISA 회로**(Instruction Set Architecture, 명령어 집합 구조)입니다.
# 3. **실행(execute)**: **프리미티브**(primitive)로 실행합니다. **Sampler**는 측정된 비트열을,
#    **Estimator**는 관측량의 기댓값을 돌려줍니다.
# 4. **후처리(post-process)**: 결과에서 집계(counts), 주변 분포, 기댓값, 그림을 얻습니다.
#
# 앞의 모듈들에서는 Aer 시뮬레이터에서 `backend.run(...)`으로 회로를 실행했습니다. IBM의 장치는 그런
# 방식으로 작업을 받지 않습니다. ISA 회로만, 그것도 Sampler와 Estimator 프리미티브를 통해서만 받습니다.
# 이 모듈에서는 156큐비트 Heron 프로세서의 *가짜 백엔드(fake backend)*와 `qiskit-ibm-runtime`의 **로컬
# 테스트 모드**(local testing mode)를 써서 모든 단계를 오프라인으로 해 봅니다. 로컬 테스트 모드는 실제
# 장치에 보낼 코드와 똑같은 코드로 프리미티브를 Aer에서 실행합니다.

# %%
import warnings

from qiskit import ClassicalRegister, QuantumRegister
from qiskit.circuit import Parameter
from qiskit.primitives import StatevectorEstimator, StatevectorSampler
from qiskit.quantum_info import SparsePauliOp
from qiskit.transpiler import generate_preset_pass_manager
from qiskit.visualization import plot_distribution
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import Batch, EstimatorV2, SamplerV2, Session
from qiskit_ibm_runtime.fake_provider import FakeFez

# qiskit-ibm-runtime >= 0.50 marks SamplerV2/EstimatorV2 deprecated (see the section on execution)
warnings.filterwarnings("ignore", message=r"The (Sampler|Estimator)V2 class is deprecated")

# %% [markdown] lang="en"
# ## Step 1: map
#
# Our running example is a small one: a parametrised circuit that prepares
# $\cos(\theta/2)|00\rangle + \sin(\theta/2)|11\rangle$, and three observables on it. An observable
# is written as a `SparsePauliOp`, a real combination of Pauli strings. As everywhere in Qiskit,
# the **rightmost** letter of a label acts on qubit 0: `"IZ"` is $Z$ on qubit 0, `"ZI"` is $Z$ on
# qubit 1.

# %% [markdown] lang="ko"
# ## 1단계: 사상
#
# 계속 쓸 예제는 작습니다. $\cos(\theta/2)|00\rangle + \sin(\theta/2)|11\rangle$을 준비하는 매개변수
# 회로와, 그 위의 관측량 세 개입니다. 관측량은 파울리 문자열의 실수 결합인 `SparsePauliOp`로 씁니다.
# Qiskit 어디에서나 그렇듯 레이블의 **가장 오른쪽** 글자가 큐비트 0에 작용합니다. `"IZ"`는 큐비트 0의
# $Z$이고, `"ZI"`는 큐비트 1의 $Z$입니다.

# %%
theta = Parameter("θ")
pair = QuantumCircuit(2)
pair.ry(theta, 0)
pair.cx(0, 1)

observables = SparsePauliOp(["ZZ", "XX", "IZ"])
print(pair.parameters, observables.num_qubits, len(observables))
pair.draw("mpl")

# %% [markdown] lang="en"
# ## Step 2: optimise into an ISA circuit
#
# `FakeFez` is an offline snapshot of `ibm_fez`, a 156-qubit **Heron** processor: its qubits form a
# heavy-hexagon lattice, its native two-qubit gate is `cz`, and its single-qubit gates are `rz`,
# `sx` and `x`. Everything the device can do is described by its **target**: which operation runs
# on which qubits (`target.instruction_supported(name, qargs)`).

# %% [markdown] lang="ko"
# ## 2단계: ISA 회로로 최적화하기
#
# `FakeFez`는 156큐비트 **Heron** 프로세서 `ibm_fez`의 오프라인 스냅숏입니다. 큐비트가 무거운 육각형
# (heavy-hex) 격자를 이루고, 고유 2큐비트 게이트는 `cz`, 단일 큐비트 게이트는 `rz`, `sx`, `x`입니다.
# 장치가 할 수 있는 모든 것은 **타깃(target)**에 적혀 있습니다. 어떤 연산이 어떤 큐비트에서 실행되는지를
# `target.instruction_supported(name, qargs)`로 물어볼 수 있습니다.

# %%
fez = FakeFez()
target = fez.target
print(fez.name, fez.num_qubits)
print(sorted(target.operation_names))
print(target.instruction_supported("cz", (0, 1)), target.instruction_supported("cz", (0, 2)))
print(target.instruction_supported("h", (0,)))

# %% [markdown] lang="en"
# A **pass manager** runs the transpiler's stages (layout, routing, translation into the native
# gates, optimisation, scheduling). `generate_preset_pass_manager` builds the standard one for a
# backend at an optimisation level from 0 to 3; `seed_transpiler` makes its random choices
# reproducible. Its `run` returns the ISA circuit. The circuit now has 156 qubits; the
# **layout** it carries says where each of our qubits went (`initial_index_layout`) and where it
# ended after any SWAPs (`final_index_layout`).

# %% [markdown] lang="ko"
# **패스 관리자(pass manager)**는 트랜스파일러의 단계들(배치, 라우팅, 고유 게이트로의 변환, 최적화,
# 스케줄링)을 실행합니다. `generate_preset_pass_manager`는 백엔드와 최적화 수준(0~3)에 맞는 표준 패스
# 관리자를 만들고, `seed_transpiler`는 그 안의 무작위 선택을 재현 가능하게 합니다. `run`은 ISA 회로를
# 돌려줍니다. 이제 회로에는 큐비트가 156개 있습니다. 회로에 딸린 **배치(layout)** 정보는 우리 큐비트가
# 어디에 놓였는지(`initial_index_layout`), SWAP을 거친 뒤 어디에서 끝났는지(`final_index_layout`)를
# 알려 줍니다.

# %%
pass_manager = generate_preset_pass_manager(optimization_level=2, backend=fez, seed_transpiler=7)
isa_pair = pass_manager.run(pair)
print(isa_pair.num_qubits, dict(isa_pair.count_ops()))
print(isa_pair.layout.initial_index_layout(filter_ancillas=True))
print(isa_pair.layout.final_index_layout(filter_ancillas=True))
isa_pair.draw("mpl", idle_wires=False)

# %% [markdown] lang="en"
# The `ry` rotation became `rz` and `sx` gates and the CNOT became a `cz` between two `sx`
# layers. Is it ISA? Every instruction must be supported by the target *on the qubits it acts on*.
# This check is what the device runs before it accepts a job:

# %% [markdown] lang="ko"
# `ry` 회전은 `rz`와 `sx` 게이트들이 되었고, CNOT은 `sx` 층 사이의 `cz`가 되었습니다. 이것은 ISA
# 회로일까요? 모든 명령어가 *자신이 작용하는 큐비트에서* 타깃의 지원을 받아야 합니다. 장치가 작업을
# 받기 전에 하는 검사가 바로 이것입니다.


# %%
def unsupported(circuit: QuantumCircuit) -> list:
    """The (name, physical qubits) of every instruction the target does not support."""
    found = []
    for instruction in circuit.data:
        qargs = tuple(circuit.find_bit(q).index for q in instruction.qubits)
        name = instruction.operation.name
        if name != "barrier" and not target.instruction_supported(name, qargs):
            found.append((name, qargs))
    return found


print(unsupported(isa_pair), unsupported(pair))

# %% exercise="fez_isa"

# %% [markdown] lang="en"
# The observables were written for our two logical qubits, but the ISA circuit acts on 156
# physical ones. `observable.apply_layout(isa_circuit.layout)` moves every Pauli onto the physical
# qubit where its logical qubit ends, and pads the rest with identities. Every Estimator input on a
# device needs this step.

# %% [markdown] lang="ko"
# 관측량은 논리 큐비트 두 개에 대해 썼지만, ISA 회로는 물리 큐비트 156개에 작용합니다.
# `observable.apply_layout(isa_circuit.layout)`은 각 파울리 연산자를, 그 논리 큐비트가 끝난 물리 큐비트로
# 옮기고 나머지는 항등 연산자로 채웁니다. 장치에서 Estimator에 넣는 입력에는 모두 이 단계가 필요합니다.

# %%
isa_observables = observables.apply_layout(isa_pair.layout)
print(isa_observables.num_qubits)
for pauli in isa_observables.paulis:
    print([(q, label) for q, label in enumerate(reversed(pauli.to_label())) if label != "I"])

# %% exercise="isa_observable"

# %% [markdown] lang="en"
# ## Step 3: execute with the Sampler
#
# A primitive takes a list of **PUBs** (primitive unified blocs), each one a tuple. A Sampler PUB is
# `(circuit, parameter_values, shots)`: only the circuit is required. `parameter_values` holds one
# value per parameter, or an array of them, whose last axis runs over the parameters: for our one
# parameter, `[[0.0], [1.0], [2.0]]` (shape `(3, 1)`) means three runs, and the PUB's result then
# has shape `(3,)`. Qiskit's `StatevectorSampler` is a reference implementation that samples from
# the exact state; `seed` makes it reproducible.

# %% [markdown] lang="ko"
# ## 3단계: Sampler로 실행하기
#
# 프리미티브는 **PUB**(primitive unified bloc)의 목록을 받으며, PUB 하나는 튜플 하나입니다. Sampler의
# PUB는 `(circuit, parameter_values, shots)`이고, 회로만 꼭 있어야 합니다. `parameter_values`는 매개변수마다
# 값 하나, 또는 그런 값들의 배열입니다. 배열의 마지막 축이 매개변수를 따라갑니다. 매개변수가 하나인
# 우리 회로에서 `[[0.0], [1.0], [2.0]]`(모양 `(3, 1)`)은 세 번의 실행을 뜻하고, 그러면 PUB의 결과는
# 모양이 `(3,)`입니다. Qiskit의 `StatevectorSampler`는 정확한 상태에서 표본을 뽑는 기준 구현이며,
# `seed`로 재현 가능하게 만듭니다.

# %%
measured_pair = pair.copy()
measured_pair.measure_all()

reference_sampler = StatevectorSampler(seed=11)
job = reference_sampler.run([(measured_pair, [[0.0], [np.pi / 2], [np.pi]], 200)])
result = job.result()
bits = result[0].data.meas
print(bits.shape, bits.num_shots, bits.num_bits)
print([bits[i].get_counts() for i in range(3)])

# %% exercise="sweep_pub"

# %% [markdown] lang="en"
# ### The same PUB on a Heron device, in local testing mode
#
# `qiskit_ibm_runtime.SamplerV2(mode=...)` is the Sampler that talks to IBM Quantum. When `mode`
# is a *local* backend (a fake backend or an Aer simulator) instead of a cloud device, it runs in
# **local testing mode**: the same code, executed on Aer on your machine. With `mode=FakeFez()` it
# would also simulate Fez's noise, but building a 156-qubit noise model takes tens of seconds; here
# we use `AerSimulator.from_backend(fez, noise_model=None)`, an ideal simulator that has Fez's
# target, so it too accepts ISA circuits only. Options are set on the primitive:
# `options.default_shots`, and `options.simulator.seed_simulator` for reproducible local runs.
#
# A note on versions: from qiskit-ibm-runtime 0.50 on, creating `SamplerV2` or `EstimatorV2`
# raises a `DeprecationWarning` (silenced in the first cell): IBM is moving pre- and post-processing
# to the client, in `qiskit_ibm_runtime.executor_sampler.Sampler`. That class takes the same PUBs
# and returns the same `PrimitiveResult`; `SamplerV2`/`EstimatorV2` are the classes every
# qiskit-ibm-runtime version this course supports has, and the ones the Qiskit v2.x developer exam
# uses.

# %% [markdown] lang="ko"
# ### 같은 PUB를 Heron 장치에서, 로컬 테스트 모드로
#
# `qiskit_ibm_runtime.SamplerV2(mode=...)`는 IBM Quantum과 통신하는 Sampler입니다. `mode`가 클라우드
# 장치가 아니라 *로컬* 백엔드(가짜 백엔드나 Aer 시뮬레이터)이면 **로컬 테스트 모드**로 동작합니다. 코드는
# 같고, 실행만 내 컴퓨터의 Aer에서 합니다. `mode=FakeFez()`로 하면 Fez의 잡음까지 시뮬레이션하지만,
# 156큐비트 잡음 모델을 만드는 데 수십 초가 걸립니다. 그래서 여기서는 Fez의 타깃을 그대로 갖춘 이상적
# 시뮬레이터 `AerSimulator.from_backend(fez, noise_model=None)`을 씁니다. 이 시뮬레이터도 ISA 회로만
# 받습니다. 옵션은 프리미티브에 설정합니다. `options.default_shots`와, 로컬 실행을 재현 가능하게 하는
# `options.simulator.seed_simulator`입니다.
#
# 버전에 관한 참고: qiskit-ibm-runtime 0.50부터는 `SamplerV2`나 `EstimatorV2`를 만들 때
# `DeprecationWarning`이 납니다(첫 번째 셀에서 숨겼습니다). IBM이 전처리와 후처리를 클라이언트 쪽
# `qiskit_ibm_runtime.executor_sampler.Sampler`로 옮기고 있기 때문입니다. 이 클래스도 같은 PUB를 받고
# 같은 `PrimitiveResult`를 돌려줍니다. `SamplerV2`/`EstimatorV2`는 이 과정이 지원하는 모든
# qiskit-ibm-runtime 버전에 있는 클래스이고, Qiskit v2.x 개발자 시험이 쓰는 클래스입니다.

# %%
fez_sim = AerSimulator.from_backend(fez, noise_model=None)
isa_measured = pass_manager.run(measured_pair)

sampler = SamplerV2(mode=fez_sim)
sampler.options.default_shots = 500
sampler.options.simulator.seed_simulator = 42
job = sampler.run([(isa_measured, [[np.pi / 2]])])
print(job.job_id(), job.status())
device_bits = job.result()[0].data.meas
print(device_bits.shape, device_bits.num_shots, device_bits.get_counts())

try:
    sampler.run([measured_pair.assign_parameters([np.pi / 2])]).result()
except Exception as error:
    print(type(error).__name__, error)

# %% [markdown] lang="en"
# The last call sent the *logical* circuit (with its parameter bound): the simulator, like the
# device, refuses it. On a real device the error comes back before the job even enters the queue.

# %% [markdown] lang="ko"
# 마지막 호출은 (매개변수를 묶은) *논리* 회로를 보냈습니다. 시뮬레이터도 실제 장치처럼 이를
# 거부합니다. 실제 장치에서는 작업이 대기열에 들어가기도 전에 오류가 돌아옵니다.

# %% exercise="ghz_sampler_counts"

# %% [markdown] lang="en"
# ## Step 4: post-process: `PrimitiveResult`, `DataBin`, `BitArray`
#
# `job.result()` is a `PrimitiveResult`: a list with one `PubResult` per PUB, plus `metadata`.
# Each `PubResult` has `data`, a **`DataBin`** with one field per classical register (named like
# the register: `meas` for `measure_all()`, `c` for `QuantumCircuit(n, n)`), and its own
# `metadata` (for the Sampler, the shots). Each field is a **`BitArray`**: the raw shots, packed
# into bytes, with
#
# - `shape` (the PUB's shape), `num_shots`, `num_bits`;
# - `get_counts()`, `get_int_counts()`, `get_bitstrings()` (optionally for one index of the shape);
# - indexing (`bits[1]`), `slice_bits([...])` to keep some bits (bit 0 is the rightmost character),
#   `slice_shots([...])` to keep some shots;
# - `expectation_values(...)` of diagonal Pauli strings (`I` and `Z`) computed from the shots.

# %% [markdown] lang="ko"
# ## 4단계: 후처리: `PrimitiveResult`, `DataBin`, `BitArray`
#
# `job.result()`는 `PrimitiveResult`입니다. PUB마다 `PubResult`가 하나씩 든 목록이고, `metadata`도
# 있습니다. 각 `PubResult`에는 `data`가 있는데, 이것은 고전 레지스터마다 필드가 하나씩 있는
# **`DataBin`**입니다. 필드 이름은 레지스터 이름을 따릅니다(`measure_all()`이면 `meas`,
# `QuantumCircuit(n, n)`이면 `c`). `PubResult`에도 자신의 `metadata`가 있습니다(Sampler라면 샷 수).
# 각 필드는 **`BitArray`**로, 바이트로 압축된 샷 원자료이며 다음을 제공합니다.
#
# - `shape`(PUB의 모양), `num_shots`, `num_bits`
# - `get_counts()`, `get_int_counts()`, `get_bitstrings()`(모양의 한 인덱스만 고를 수도 있습니다)
# - 인덱싱(`bits[1]`), 일부 비트만 남기는 `slice_bits([...])`(비트 0은 가장 오른쪽 글자입니다), 일부
#   샷만 남기는 `slice_shots([...])`
# - 샷에서 계산하는 대각 파울리 문자열(`I`와 `Z`)의 `expectation_values(...)`

# %%
qr = QuantumRegister(3, "q")
alpha = ClassicalRegister(2, "alpha")
beta = ClassicalRegister(1, "beta")
registers = QuantumCircuit(qr, alpha, beta)
registers.h(0)
registers.cx(0, 1)
registers.x(2)
registers.measure([0, 1], alpha)
registers.measure(2, beta)

pub_result = StatevectorSampler(seed=5).run([registers], shots=100).result()[0]
print(list(pub_result.data.keys()), pub_result.metadata)
print(pub_result.data.alpha.get_counts(), pub_result.data.beta.get_counts())
print(pub_result.data.alpha.get_bitstrings()[:5])
print(pub_result.data.alpha.slice_bits([0]).get_counts())
print(pub_result.data.alpha.expectation_values(["ZZ", "IZ"]))
print(pub_result.join_data().get_counts())

# %% [markdown] lang="en"
# `join_data()` glues the registers back together (the last register leftmost). A distribution is
# best looked at as a plot: `plot_distribution` draws counts (or probabilities) as bars.

# %% [markdown] lang="ko"
# `join_data()`는 레지스터들을 다시 이어 붙입니다(마지막 레지스터가 가장 왼쪽). 분포는 그림으로 보는
# 것이 가장 좋습니다. `plot_distribution`은 집계(또는 확률)를 막대로 그립니다.

# %%
plot_distribution(pub_result.join_data().get_counts(), title="alpha + beta")

# %% exercise="qubit_marginal"

# %% exercise="result_summary"

# %% [markdown] lang="en"
# ## The Estimator and broadcasting
#
# An Estimator PUB is `(circuit, observables, parameter_values, precision)`. Observables and
# parameter values are arrays that are **broadcast** against each other with numpy's rules (the
# last axis of `parameter_values`, which runs over the parameters, is left out). The classic
# pattern puts the observables in a column, shape `(3, 1)`, and the parameter sets in a row, shape
# `(4,)` for four values of one parameter given as shape `(4, 1)`: the result `evs` then has shape
# `(3, 4)`, one row per observable and one column per parameter set. `StatevectorEstimator`
# computes exact expectation values; its `stds` are 0.

# %% [markdown] lang="ko"
# ## Estimator와 브로드캐스팅
#
# Estimator의 PUB는 `(circuit, observables, parameter_values, precision)`입니다. 관측량과 매개변수 값은
# numpy의 규칙대로 서로 **브로드캐스팅**(broadcasting)되는 배열입니다(매개변수를 따라가는
# `parameter_values`의 마지막 축은 빼고 봅니다). 전형적인 방법은 관측량을 모양 `(3, 1)`의 열로 두고,
# 매개변수 묶음을 행으로 두는 것입니다. 매개변수 하나의 값 네 개를 모양 `(4, 1)`로 주면 행의 모양은
# `(4,)`입니다. 그러면 결과 `evs`의 모양은 `(3, 4)`로, 관측량마다 행 하나, 매개변수 묶음마다 열 하나가
# 됩니다. `StatevectorEstimator`는 정확한 기댓값을 계산하므로 `stds`는 0입니다.

# %%
angles = np.linspace(0, np.pi, 4).reshape(4, 1)
column = [[SparsePauliOp("ZZ")], [SparsePauliOp("XX")], [SparsePauliOp("IZ")]]
exact = StatevectorEstimator().run([(pair, column, angles)]).result()[0]
print(exact.data.evs.shape)
print(np.round(exact.data.evs, 3))
print(exact.data.stds.max(), exact.metadata)

# %% [markdown] lang="en"
# Row by row: $\langle ZZ\rangle = 1$ (the two qubits always agree), $\langle XX\rangle =
# \sin\theta$ and $\langle Z_0\rangle = \cos\theta$. On a device the same PUB needs the ISA
# circuit and the ISA observables; `qiskit_ibm_runtime.EstimatorV2` in local testing mode
# estimates from shots, to the `precision` you ask for (`options.default_precision`, or
# `default_shots` $= 1/\text{precision}^2$), and reports a standard error in `stds`.

# %% [markdown] lang="ko"
# 행마다 보면 $\langle ZZ\rangle = 1$(두 큐비트는 항상 같은 값), $\langle XX\rangle = \sin\theta$,
# $\langle Z_0\rangle = \cos\theta$입니다. 장치에서는 같은 PUB에 ISA 회로와 ISA 관측량이 필요합니다.
# 로컬 테스트 모드의 `qiskit_ibm_runtime.EstimatorV2`는 요청한 정밀도(`precision`)에 맞춰 샷에서
# 기댓값을 추정하고(`options.default_precision`, 또는 `default_shots` $= 1/\text{precision}^2$),
# 표준 오차를 `stds`에 알려 줍니다.

# %%
isa_column = [[op.apply_layout(isa_pair.layout)] for op in observables]
estimator = EstimatorV2(mode=fez_sim)
estimator.options.default_precision = 0.02
estimator.options.simulator.seed_simulator = 3
device_evs = estimator.run([(isa_pair, isa_column, angles)]).result()[0]
print(np.round(device_evs.data.evs, 2))
print(np.round(device_evs.data.stds, 3).max(), device_evs.metadata)

# %% exercise="expectation_grid"

# %% exercise="runtime_energy"

# %% [markdown] lang="en"
# ## Job, session and batch
#
# Every `run` returns a **job** at once; the work happens in the background. `job.job_id()` names
# it, `job.status()` tells where it is (`QUEUED`, `RUNNING`, `DONE`, `ERROR`...), and
# `job.result()` waits for it and returns the `PrimitiveResult`. How jobs are scheduled on a device
# is the **execution mode**, chosen by what you pass as `mode`:
#
# - a backend: **job mode**, each job queued on its own;
# - a `Session(backend=...)`: **session mode**, exclusive use of the device for an iterative
#   workload (the next job depends on the last result, as in VQE);
# - a `Batch(backend=...)`: **batch mode**, many independent jobs submitted together and scheduled
#   in parallel, for sweeps.
#
# Both are context managers (`with Session(...) as session:`), and the primitive is created with
# `mode=session` or `mode=batch`. In local testing mode sessions and batches are accepted and the
# jobs simply run on your machine (a local session has no `session_id`), so code written this way
# runs unchanged on a device.

# %% [markdown] lang="ko"
# ## 작업, 세션, 일괄 모드
#
# `run`은 언제나 곧바로 **작업(job)**을 돌려주고, 실제 계산은 뒤에서 진행됩니다. `job.job_id()`는
# 작업의 이름이고, `job.status()`는 작업이 어디까지 왔는지(`QUEUED`, `RUNNING`, `DONE`, `ERROR` 등)를
# 알려 주며, `job.result()`는 작업이 끝나기를 기다려 `PrimitiveResult`를 돌려줍니다. 장치에서 작업을
# 어떻게 일정에 넣을지가 **실행 모드**(execution mode)이며, `mode`에 무엇을 넘기느냐로 정합니다.
#
# - 백엔드: **작업 모드**(job mode). 작업마다 따로 대기열에 들어갑니다.
# - `Session(backend=...)`: **세션 모드**(session mode). 반복적인 작업(VQE처럼 다음 작업이 직전
#   결과에 달려 있는 경우)을 위해 장치를 독점해서 씁니다.
# - `Batch(backend=...)`: **일괄 모드**(batch mode). 서로 독립인 작업 여러 개를 한꺼번에 제출해
#   병렬로 일정에 넣습니다. 스윕에 알맞습니다.
#
# 둘 다 컨텍스트 관리자(`with Session(...) as session:`)이고, 프리미티브는 `mode=session`이나
# `mode=batch`로 만듭니다. 로컬 테스트 모드에서는 세션과 일괄 모드를 받아들이되 작업은 그냥 내 컴퓨터에서
# 실행됩니다(로컬 세션에는 `session_id`가 없습니다). 그래서 이렇게 쓴 코드는 장치에서도 그대로
# 실행됩니다.

# %%
with Session(backend=fez_sim) as session:
    session_sampler = SamplerV2(mode=session)
    session_sampler.options.default_shots = 100
    session_sampler.options.simulator.seed_simulator = 1
    first = session_sampler.run([(isa_measured, [np.pi / 3])]).result()[0].data.meas
    # the next circuit's angle depends on the first result: a session's typical loop
    p11 = first.get_counts().get("11", 0) / first.num_shots
    second = session_sampler.run([(isa_measured, [2 * np.arcsin(np.sqrt(p11))])]).result()
    print(session.session_id, round(p11, 2), second[0].data.meas.get_counts())

with Batch(backend=fez_sim) as batch:
    batch_sampler = SamplerV2(mode=batch)
    batch_sampler.options.default_shots = 100
    batch_sampler.options.simulator.seed_simulator = 2
    jobs = [batch_sampler.run([(isa_measured, [value])]) for value in (0.0, np.pi)]
    print([job.result()[0].data.meas.get_counts() for job in jobs])

# %% exercise="session_undo"

# %% exercise="batch_sweep"

# %% [markdown] lang="en"
# ## Optionally: the same code on a real device
#
# With your own IBM Quantum account saved once outside the notebook
# (`QiskitRuntimeService.save_account(...)`), only the backend changes:
# `service = QiskitRuntimeService()`, `backend = service.least_busy(operational=True,
# simulator=False)`, then the same `generate_preset_pass_manager(backend=backend, ...)`, the same
# PUBs and `SamplerV2(mode=backend)` (or a session or batch on it). The local-only
# `options.simulator` settings are left out there. Nothing in this module contacts the network.

# %% [markdown] lang="ko"
# ## 선택 사항: 실제 장치에서 같은 코드 실행하기
#
# 노트북 밖에서 자신의 IBM Quantum 계정을 한 번 저장해 두면(`QiskitRuntimeService.save_account(...)`),
# 바뀌는 것은 백엔드뿐입니다. `service = QiskitRuntimeService()`, `backend =
# service.least_busy(operational=True, simulator=False)`로 장치를 고른 다음, 똑같이
# `generate_preset_pass_manager(backend=backend, ...)`, 똑같은 PUB, `SamplerV2(mode=backend)`(또는 그
# 장치의 세션이나 일괄 모드)를 씁니다. 로컬 전용인 `options.simulator` 설정은 빼야 합니다. 이 모듈의
# 어떤 코드도 네트워크에 접속하지 않습니다.

# %% [markdown] lang="en"
# ## Summary
#
# - A Qiskit pattern is **map → optimise → execute → post-process**.
# - Devices accept **ISA circuits** only: `generate_preset_pass_manager(backend=...)` makes them,
#   the backend's **target** says what is supported, and observables follow the circuit with
#   `apply_layout(isa.layout)`.
# - **Sampler** PUBs are `(circuit, parameter_values, shots)`; **Estimator** PUBs are
#   `(circuit, observables, parameter_values, precision)`, with observables and parameter sets
#   broadcast like numpy arrays.
# - Results are `PrimitiveResult` → `PubResult` → `DataBin` → `BitArray` (Sampler) or `evs` and
#   `stds` (Estimator), with metadata at each level.
# - `mode` picks the execution mode: a backend (job), a `Session` or a `Batch`. With a local
#   backend, qiskit-ibm-runtime runs the same code offline on Aer.

# %% [markdown] lang="ko"
# ## 정리
#
# - Qiskit 패턴은 **사상 → 최적화 → 실행 → 후처리**입니다.
# - 장치는 **ISA 회로**만 받습니다. `generate_preset_pass_manager(backend=...)`가 ISA 회로를 만들고,
#   백엔드의 **타깃**이 무엇이 지원되는지 알려 주며, 관측량은 `apply_layout(isa.layout)`으로 회로를
#   따라갑니다.
# - **Sampler**의 PUB는 `(circuit, parameter_values, shots)`이고, **Estimator**의 PUB는
#   `(circuit, observables, parameter_values, precision)`입니다. 관측량과 매개변수 묶음은 numpy 배열처럼
#   브로드캐스팅됩니다.
# - 결과는 `PrimitiveResult` → `PubResult` → `DataBin` → `BitArray`(Sampler) 또는 `evs`와
#   `stds`(Estimator)이고, 단계마다 메타데이터가 있습니다.
# - `mode`가 실행 모드를 고릅니다. 백엔드(작업 모드), `Session`, `Batch`입니다. 로컬 백엔드를 주면
#   qiskit-ibm-runtime이 같은 코드를 오프라인으로 Aer에서 실행합니다.
