# %% [markdown] lang="en"
# # Running on real hardware without leaving the laptop
#
# So far every circuit ran on a perfect simulator that accepts any gate between any qubits. A real
# device is different in three ways:
#
# 1. **Basis gates**: it executes only a few native gates, on IBM devices `rz`, `sx`, `x` and one
#    two-qubit gate (`cx`, `ecr` or `cz`). Everything else must be rewritten into them.
# 2. **Coupling map**: a two-qubit gate works only between physically connected qubits.
# 3. **Noise**: every gate, every idle moment and every readout has errors, and two-qubit gates are
#    roughly ten times worse than single-qubit ones.
#
# The **transpiler** turns your logical circuit into one the device can run. In this module we use
# the *fake backends* shipped with `qiskit-ibm-runtime`: snapshots of real devices (their gates,
# connectivity and measured error rates) that work offline.

# %% [markdown] lang="ko"
# # 노트북을 떠나지 않고 실제 하드웨어에서 실행하기
#
# 지금까지 모든 회로는 어떤 큐비트 사이에든 어떤 게이트든 받아 주는 완벽한 시뮬레이터에서 실행되었습니다.
# 실제 장치는 세 가지 점에서 다릅니다.
#
# 1. **기본 게이트(basis gates)**: 장치는 몇 가지 고유 게이트만 실행합니다. IBM 장치에서는 `rz`, `sx`,
#    `x`와 2큐비트 게이트 하나(`cx`, `ecr` 또는 `cz`)입니다. 나머지는 모두 이 게이트들로 다시 써야 합니다.
# 2. **결합 맵(coupling map)**: 2큐비트 게이트는 물리적으로 연결된 큐비트 사이에서만 동작합니다.
# 3. **잡음(noise)**: 모든 게이트, 모든 대기 시간, 모든 판독에 오류가 있으며, 2큐비트 게이트는 단일
#    큐비트 게이트보다 대략 열 배 나쁩니다.
#
# **트랜스파일러(transpiler)**는 논리 회로를 장치가 실행할 수 있는 회로로 바꿉니다. 이 모듈에서는
# `qiskit-ibm-runtime`에 들어 있는 *가짜 백엔드(fake backend)*를 사용합니다. 가짜 백엔드는 실제 장치의
# 게이트, 연결 구조, 측정된 오류율을 담은 스냅숏으로, 인터넷 없이 동작합니다.

# %%
from qiskit import transpile
from qiskit.visualization import plot_histogram
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime.fake_provider import FakeLimaV2, FakeManilaV2

manila = FakeManilaV2()
print(manila.name, manila.num_qubits)
print(sorted(manila.operation_names))
print(sorted(manila.coupling_map.get_edges()))

# %% [markdown] lang="en"
# `fake_manila` has 5 qubits joined in a line, $0 - 1 - 2 - 3 - 4$ (each edge listed in both
# directions), and the basis `rz`, `sx`, `x`, `cx` (plus `measure`, `reset`, `delay`, `id` and
# control flow). A second device, `fake_lima`, has the same gates but a T-shaped coupling map:

# %% [markdown] lang="ko"
# `fake_manila`는 큐비트 5개가 일렬로 $0 - 1 - 2 - 3 - 4$처럼 이어져 있고(각 연결이 양방향으로 나열됩니다),
# 기본 게이트는 `rz`, `sx`, `x`, `cx`입니다(그 밖에 `measure`, `reset`, `delay`, `id`와 제어 흐름이 있습니다).
# 두 번째 장치 `fake_lima`는 게이트는 같지만 결합 맵이 T자 모양입니다.

# %%
lima = FakeLimaV2()
print(sorted(edge for edge in lima.coupling_map.get_edges() if edge[0] < edge[1]))

# %% [markdown] lang="en"
# ## Basis gates
#
# Every single-qubit unitary can be written, up to a global phase, as
# $R_z(\alpha)\,\sqrt{X}\,R_z(\beta)\,\sqrt{X}\,R_z(\gamma)$. `rz` is "free" on IBM hardware (it is
# done in software by shifting the phase of later pulses), so the cost of a single-qubit gate is the
# number of `sx`. Let us ask the transpiler how it writes a few gates in the basis.

# %% [markdown] lang="ko"
# ## 기본 게이트
#
# 모든 단일 큐비트 유니터리는 전역 위상을 빼면 $R_z(\alpha)\,\sqrt{X}\,R_z(\beta)\,\sqrt{X}\,R_z(\gamma)$
# 꼴로 쓸 수 있습니다. IBM 하드웨어에서 `rz`는 "공짜"입니다(이후 펄스의 위상을 옮기는 방식으로
# 소프트웨어에서 처리됩니다). 그래서 단일 큐비트 게이트의 비용은 `sx`의 개수입니다. 트랜스파일러가 몇몇
# 게이트를 기본 게이트로 어떻게 쓰는지 살펴봅시다.

# %%
device_basis = ["rz", "sx", "x", "cx"]
for gate in ("t", "y", "ry"):
    one = QuantumCircuit(1)
    if gate == "ry":
        one.ry(0.7, 0)
    else:
        getattr(one, gate)(0)
    rewritten = transpile(one, basis_gates=device_basis, optimization_level=1)
    print(gate, dict(rewritten.count_ops()), Operator(one).equiv(Operator(rewritten)))

# %% [markdown] lang="en"
# `equiv` compares operators up to a global phase. Two-qubit gates are rewritten in the same way:
# a controlled-$Z$ is a CNOT with a Hadamard on each side of the target, and a SWAP costs three
# CNOTs, which is why moving qubits around is expensive.

# %% [markdown] lang="ko"
# `equiv`는 전역 위상을 무시하고 연산자를 비교합니다. 2큐비트 게이트도 같은 방식으로 다시 씁니다.
# 제어 $Z$ 게이트는 표적 큐비트 양쪽에 아다마르 게이트를 둔 CNOT이고, SWAP은 CNOT 세 개의 비용이 듭니다.
# 그래서 큐비트를 이리저리 옮기는 일은 비쌉니다.

# %%
cz_circuit = QuantumCircuit(2)
cz_circuit.cz(0, 1)
swap_circuit = QuantumCircuit(2)
swap_circuit.swap(0, 1)
for circuit in (cz_circuit, swap_circuit):
    rewritten = transpile(circuit, basis_gates=device_basis, optimization_level=1)
    print(dict(rewritten.count_ops()))
transpile(swap_circuit, basis_gates=device_basis, optimization_level=1).draw("mpl")

# %% exercise="h_in_basis"

# %% exercise="swap_from_cx"

# %% [markdown] lang="en"
# ## Layout and routing
#
# The transpiler works in stages: *init* (unroll big gates), **layout** (choose which physical
# qubit holds each logical qubit), **routing** (insert SWAPs so every two-qubit gate acts on coupled
# qubits), *translation* (into the basis), *optimization* and *scheduling*. Its result remembers
# what it did in `circuit.layout`:
#
# - the **initial layout**: logical qubit $v$ starts on physical qubit `initial_index_layout()[v]`;
# - the **final layout**: after the SWAPs, logical qubit $v$ ends on `final_index_layout()[v]`.
#
# So the transpiled circuit is *not* equal, gate for gate, to your circuit padded with idle qubits:
# the qubits are relabelled at the start and permuted at the end. `Operator.from_circuit` reads the
# layout and undoes both, giving the operator in the original qubit order (the extra physical qubits
# are ancillas, in $|0\rangle$ at the start).

# %% [markdown] lang="ko"
# ## 배치와 라우팅
#
# 트랜스파일러는 여러 단계로 일합니다. *초기화*(큰 게이트 풀기), **배치(layout)**(각 논리 큐비트를 어느
# 물리 큐비트에 둘지 정하기), **라우팅(routing)**(모든 2큐비트 게이트가 결합된 큐비트에 걸리도록 SWAP
# 넣기), *변환*(기본 게이트로), *최적화*, *스케줄링*입니다. 결과 회로는 자신이 한 일을 `circuit.layout`에
# 기억합니다.
#
# - **초기 배치(initial layout)**: 논리 큐비트 $v$는 물리 큐비트 `initial_index_layout()[v]`에서 시작합니다.
# - **최종 배치(final layout)**: SWAP들을 거친 뒤 논리 큐비트 $v$는 `final_index_layout()[v]`에서 끝납니다.
#
# 따라서 트랜스파일된 회로는 원래 회로에 쉬는 큐비트를 덧붙인 것과 게이트 하나하나까지 같지는 않습니다.
# 시작할 때 큐비트 이름이 바뀌고, 끝날 때 순서가 뒤섞입니다. `Operator.from_circuit`은 배치 정보를 읽어
# 두 가지를 모두 되돌려서, 원래 큐비트 순서의 연산자를 돌려줍니다(남는 물리 큐비트는 처음에 $|0\rangle$인
# 보조 큐비트(ancilla)입니다).

# %%
logical = QuantumCircuit(3)
logical.h(0)
logical.cx(0, 1)
logical.cx(0, 2)
logical.cx(1, 2)
device_circuit = transpile(logical, manila, optimization_level=1, seed_transpiler=3)
print("initial:", device_circuit.layout.initial_index_layout()[:3])
print("final:  ", device_circuit.layout.final_index_layout()[:3])
print(dict(device_circuit.count_ops()), "depth", device_circuit.depth())

padded = QuantumCircuit(5)
padded.compose(logical, qubits=range(3), inplace=True)
print(Operator.from_circuit(device_circuit).equiv(Operator(padded)))
print(Operator(device_circuit).equiv(Operator(padded)))
device_circuit.draw("mpl", idle_wires=False, fold=-1)

# %% [markdown] lang="en"
# The first comparison, through the layout, is `True`. The second one reads the physical circuit
# as if physical qubit $k$ were logical qubit $k$, and is (usually) `False`. Keep the layout with
# the circuit: copying its gates into a fresh `QuantumCircuit` throws it away.

# %% [markdown] lang="ko"
# 배치 정보를 거친 첫 번째 비교는 `True`입니다. 두 번째 비교는 물리 큐비트 $k$를 논리 큐비트 $k$인 것처럼
# 읽기 때문에 (대개) `False`입니다. 배치 정보는 회로와 함께 가지고 다니세요. 게이트를 새 `QuantumCircuit`에
# 복사하면 배치 정보가 사라집니다.

# %% exercise="to_manila"

# %% [markdown] lang="en"
# ## Two-qubit-gate budgets
#
# A two-qubit gate fails with a small probability $p$, many times larger than that of a
# single-qubit gate, so the number of two-qubit gates is the budget that decides whether a result
# is still meaningful: with $N$ of them, the chance that none fails is roughly $(1-p)^N$. Every
# device publishes its measured error rates in its calibration data (`backend.target`); a fake
# backend carries a snapshot of an older device's values. The values change with each
# calibration and each hardware generation, so read $p$ from the device you use rather than from
# a book: the first line the next cell prints is FakeManilaV2's median CNOT error.
#
# Here is a worst case for a line: a CNOT between every pair of 4 qubits. The transpiler's result
# depends on the optimization level and on the random seed of its layout and routing search
# (`seed_transpiler`).

# %% [markdown] lang="ko"
# ## 2큐비트 게이트 예산
#
# 2큐비트 게이트는 작은 확률 $p$로 실패하는데, 이 확률은 단일 큐비트 게이트보다 몇 배나 큽니다. 그래서
# 2큐비트 게이트의 개수가 결과가 아직 의미 있는지를 가르는 예산입니다. 게이트가 $N$개이면 하나도
# 실패하지 않을 확률은 대략 $(1-p)^N$입니다. 모든 장치는 측정한 오류율을 보정 데이터(`backend.target`)로
# 공개하며, 가짜 백엔드에는 예전 장치의 값이 스냅숏으로 들어 있습니다. 이 값은 보정할 때마다, 하드웨어
# 세대가 바뀔 때마다 달라지므로 $p$는 책이 아니라 사용하는 장치에서 읽으세요. 다음 셀이 처음 출력하는
# 값이 FakeManilaV2의 CNOT 오류율 중앙값입니다.
#
# 일렬 결합에서 가장 나쁜 경우를 보겠습니다. 4개 큐비트의 모든 쌍 사이에 CNOT이 있는 회로입니다.
# 트랜스파일 결과는 최적화 수준과, 배치와 라우팅 탐색에 쓰는 난수 시드(`seed_transpiler`)에 따라
# 달라집니다.


# %%
def k4_circuit() -> QuantumCircuit:
    """H on 4 qubits, then a CNOT between every pair."""
    qc = QuantumCircuit(4)
    qc.h(range(4))
    for control, target in [(0, 1), (2, 3), (0, 2), (1, 3), (0, 3), (1, 2)]:
        qc.cx(control, target)
    return qc


cx_error = float(np.median([props.error for props in manila.target["cx"].values()]))
print(
    "median cx error:",
    round(cx_error, 4),
    "P(15 CNOTs without failure):",
    round((1 - cx_error) ** 15, 3),
)

for level in (0, 1, 2, 3):
    two_qubit = [
        transpile(
            k4_circuit(), manila, optimization_level=level, seed_transpiler=s
        ).num_nonlocal_gates()
        for s in range(4)
    ]
    print("level", level, "two-qubit gates for seeds 0-3:", two_qubit)

# %% [markdown] lang="en"
# The six CNOTs became many more (the exact counts above depend on the optimization level, the
# seed and the Qiskit version): every missing edge costs a SWAP, that is 3 CNOTs, minus whatever
# the optimizer manages to cancel. In practice one transpiles several times with different seeds
# and keeps the best circuit, which is what the next exercise asks.

# %% [markdown] lang="ko"
# CNOT 6개가 훨씬 많아졌습니다(위의 정확한 개수는 최적화 수준, 시드, Qiskit 버전에 따라 다릅니다).
# 빠진 연결마다 SWAP, 즉 CNOT 3개의 비용이 들고, 최적화기가 상쇄해 낸 만큼만 줄어듭니다. 실무에서는
# 서로 다른 시드로 여러 번 트랜스파일하고 가장 좋은 회로를 고릅니다. 다음 연습 문제가 바로 그것입니다.

# %% exercise="route_k4"

# %% [markdown] lang="en"
# ## Choosing the initial layout
#
# Often a good layout removes the need for SWAPs altogether. On `fake_lima` (edges 0–1, 1–2, 1–3,
# 3–4) physical qubit 1 has three neighbours. A circuit where one qubit talks to three others fits
# without any SWAP if that qubit is placed on 1; with the trivial layout it does not. You choose
# the layout with `transpile(..., initial_layout=[p0, p1, ...])`, where `p_v` is the physical qubit
# of logical qubit $v$.

# %% [markdown] lang="ko"
# ## 초기 배치 고르기
#
# 좋은 배치를 고르면 SWAP이 아예 필요 없어지는 경우가 많습니다. `fake_lima`(연결 0–1, 1–2, 1–3, 3–4)에서
# 물리 큐비트 1은 이웃이 셋입니다. 큐비트 하나가 다른 셋과 상호작용하는 회로는 그 큐비트를 1에 두면
# SWAP 없이 들어맞지만, 자명한 배치(trivial layout)로는 그렇지 않습니다. 배치는
# `transpile(..., initial_layout=[p0, p1, ...])`로 고르며, 여기서 `p_v`는 논리 큐비트 $v$의 물리
# 큐비트입니다.


# %%
def star_circuit() -> QuantumCircuit:
    """H on qubit 0, then CNOTs from qubit 0 to qubits 1, 2 and 3."""
    qc = QuantumCircuit(4)
    qc.h(0)
    for target in (1, 2, 3):
        qc.cx(0, target)
    return qc


trivial = transpile(
    star_circuit(), lima, initial_layout=[0, 1, 2, 3], optimization_level=1, seed_transpiler=5
)
print("trivial layout:", trivial.num_nonlocal_gates(), "two-qubit gates")

# %% exercise="star_layout"

# %% [markdown] lang="en"
# ## Depth budgets
#
# Qubits also decay while they wait: a qubit keeps its state for a time $T_1$, $T_2$ of some
# hundred microseconds, and a CNOT takes a few hundred nanoseconds. So besides the gate count, the
# **depth** (the number of layers of gates that must run one after another) is a budget too. The
# same state can often be prepared by a shallower circuit that uses the connectivity better, for
# example by starting a GHZ state in the middle of a line instead of at one end.

# %% [markdown] lang="ko"
# ## 깊이 예산
#
# 큐비트는 기다리는 동안에도 이완합니다. 큐비트가 상태를 유지하는 시간 $T_1$, $T_2$는 수백
# 마이크로초 정도이고, CNOT 하나에는 수백 나노초가 걸립니다. 그래서 게이트 수 말고도 **깊이(depth)**,
# 즉 차례로 실행해야 하는 게이트 층의 수도 예산입니다. 같은 상태라도 연결 구조를 더 잘 활용하는 더 얕은
# 회로로 준비할 수 있는 경우가 많습니다. 예를 들어 GHZ 상태를 일렬의 한쪽 끝이 아니라 가운데에서 시작하는
# 것입니다.

# %%
chain = QuantumCircuit(5)
chain.h(0)
for q in range(4):
    chain.cx(q, q + 1)
print("chain depth:", chain.depth())
chain.draw("mpl")

# %% exercise="ghz_line"

# %% [markdown] lang="en"
# ## Ideal versus noisy simulation
#
# `AerSimulator.from_backend(device)` builds a local simulator with the device's basis gates,
# coupling map and a **noise model** made from its calibration data (gate errors, $T_1$/$T_2$
# relaxation, readout errors). Running the same transpiled circuit on the ideal simulator and on
# this one shows what the noise does. For a Bell pair the ideal result has only `00` and `11`; the
# noisy one also has some `01` and `10`.

# %% [markdown] lang="ko"
# ## 이상적 시뮬레이션과 잡음 시뮬레이션
#
# `AerSimulator.from_backend(device)`는 장치의 기본 게이트, 결합 맵, 그리고 보정 데이터(게이트 오류,
# $T_1$/$T_2$ 이완, 판독 오류)로 만든 **잡음 모델(noise model)**을 갖춘 로컬 시뮬레이터를 만듭니다. 같은
# 트랜스파일 회로를 이상적 시뮬레이터와 이 시뮬레이터에서 실행하면 잡음이 무엇을 하는지 보입니다. 벨
# 쌍의 경우 이상적인 결과에는 `00`과 `11`만 있지만, 잡음이 있는 결과에는 `01`과 `10`도 조금 나옵니다.


# %%
def bell_measured() -> QuantumCircuit:
    """The Bell pair (|00> + |11>)/sqrt(2), measured."""
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure_all()
    return qc


def ghz_measured(n: int) -> QuantumCircuit:
    """An n-qubit GHZ state prepared by a chain, measured."""
    qc = QuantumCircuit(n)
    qc.h(0)
    for q in range(n - 1):
        qc.cx(q, q + 1)
    qc.measure_all()
    return qc


noisy_manila = AerSimulator.from_backend(manila)
ideal = AerSimulator()
ghz_device = transpile(ghz_measured(4), manila, optimization_level=1, seed_transpiler=7)
ideal_counts = ideal.run(ghz_device, shots=4000, seed_simulator=21).result().get_counts()
noisy_counts = noisy_manila.run(ghz_device, shots=4000, seed_simulator=21).result().get_counts()
good = sum(noisy_counts.get(key, 0) for key in ("0000", "1111")) / 4000
print("noisy fraction of 0000 or 1111:", round(good, 3))
plot_histogram([ideal_counts, noisy_counts], legend=["ideal", "noisy"], figsize=(9, 4))

# %% [markdown] lang="en"
# A real device takes this circuit only through the **Sampler** primitive (module 2), and
# `ghz_device` is already what it needs: an ISA circuit for Manila. Aer's Sampler runs it the same
# way offline: `SamplerV2(seed=...)` on an ideal simulator, and `SamplerV2.from_backend(simulator,
# seed=...)` on a given simulator, here the noisy copy of Manila. With the same seeds both draw the
# same shots as `run` above, so the comparisons print `True`.

# %% [markdown] lang="ko"
# 실제 장치는 이 회로를 **Sampler** 프리미티브(모듈 2)를 통해서만 받습니다. `ghz_device`는 이미 장치에
# 필요한 형태, 곧 Manila용 ISA 회로입니다. Aer의 Sampler는 이 회로를 오프라인에서 같은 방식으로
# 실행합니다. 이상적 시뮬레이터에서는 `SamplerV2(seed=...)`, 주어진 시뮬레이터(여기서는 Manila의 잡음
# 복제본)에서는 `SamplerV2.from_backend(simulator, seed=...)`를 씁니다. 시드가 같으면 위의 `run`과
# 같은 샷을 뽑으므로 비교 결과는 모두 `True`입니다.

# %%
from qiskit_aer.primitives import SamplerV2

ideal_bits = SamplerV2(seed=21).run([ghz_device], shots=4000).result()[0].data.meas
noisy_sampler = SamplerV2.from_backend(noisy_manila, seed=21)
noisy_bits = noisy_sampler.run([ghz_device], shots=4000).result()[0].data.meas
print(ideal_bits.get_counts() == ideal_counts, noisy_bits.get_counts() == noisy_counts)

# %% exercise="noisy_bell_counts"

# %% [markdown] lang="en"
# ## Optionally: a real IBM Quantum device
#
# Everything above ran offline. To run on a real device you need your own IBM Quantum account.
# Save your token once, outside this notebook, with
# `QiskitRuntimeService.save_account(channel="ibm_quantum_platform", token="...")`; it is stored in
# `~/.qiskit/qiskit-ibm.json`, never in the notebook. Then set `USE_REAL_HARDWARE = True` in the next
# cell. The cell does nothing (and touches no network) unless both are true; it is never graded.
# On a real device the steps are the same: pick the least busy backend, transpile for *it* (its
# basis may be `ecr` or `cz` rather than `cx`), and run with the runtime's Sampler primitive. Since
# qiskit-ibm-runtime 0.50 that is `qiskit_ibm_runtime.executor_sampler.Sampler`; the older
# `qiskit_ibm_runtime.SamplerV2` is deprecated. Its results have the same shape as Aer's
# (`result[0].data.meas.get_counts()`). Jobs wait in a queue, so the result may take minutes to
# hours.

# %% [markdown] lang="ko"
# ## 선택 사항: 실제 IBM Quantum 장치
#
# 지금까지는 모두 오프라인으로 실행되었습니다. 실제 장치에서 실행하려면 자신의 IBM Quantum 계정이
# 필요합니다. 이 노트북 밖에서 토큰을 한 번
# `QiskitRuntimeService.save_account(channel="ibm_quantum_platform", token="...")`로 저장하세요. 토큰은
# 노트북이 아니라 `~/.qiskit/qiskit-ibm.json`에 저장됩니다. 그런 다음 다음 셀에서
# `USE_REAL_HARDWARE = True`로 바꾸세요. 두 조건이 모두 갖춰지지 않으면 이 셀은 아무 일도 하지 않고
# 네트워크에도 접속하지 않으며, 채점과도 무관합니다. 실제 장치에서도 단계는 같습니다. 가장 한가한
# 백엔드를 고르고, *그 장치*에 맞게 트랜스파일하고(기본 게이트가 `cx` 대신 `ecr`이나 `cz`일 수 있습니다),
# 런타임의 Sampler 프리미티브로 실행합니다. qiskit-ibm-runtime 0.50부터 이 프리미티브는
# `qiskit_ibm_runtime.executor_sampler.Sampler`이며, 예전의 `qiskit_ibm_runtime.SamplerV2`는
# 사용 중단(deprecated)되었습니다. 결과의 모양은 Aer와 같습니다(`result[0].data.meas.get_counts()`).
# 작업은 대기열에서 기다리므로 결과가 나오기까지 몇 분에서 몇 시간이 걸릴 수 있습니다.

# %%
from pathlib import Path

USE_REAL_HARDWARE = False  # set to True after saving your own account

account_file = Path.home() / ".qiskit" / "qiskit-ibm.json"
if USE_REAL_HARDWARE and account_file.exists():
    from qiskit_ibm_runtime import QiskitRuntimeService
    from qiskit_ibm_runtime.executor_sampler import Sampler

    service = QiskitRuntimeService()
    real_device = service.least_busy(operational=True, simulator=False)
    real_circuit = transpile(bell_measured(), real_device, optimization_level=3, seed_transpiler=7)
    job = Sampler(mode=real_device).run([real_circuit], shots=4000)
    print(real_device.name, job.job_id())
    real_counts = job.result()[0].data.meas.get_counts()
    plot_histogram(real_counts)
else:
    print(USE_REAL_HARDWARE, account_file.exists())

# %% [markdown] lang="en"
# ## Seeing the layout
#
# Two plots show a device and where a circuit sits on it:
#
# - `plot_gate_map(backend)` draws the device's coupling map: a circle per physical qubit, a line
#   per coupled pair (`fake_manila` is the line $0 - 1 - 2 - 3 - 4$);
# - `plot_circuit_layout(transpiled, backend)` draws the same map with the qubits of the initial
#   layout in black, each labelled with the **logical** qubit it holds (`view="physical"` labels
#   them with their physical index instead).
#
# Both are rendered by Graphviz, a separate program that this course's image may lack (the next
# cell draws them only when it is installed), and what they return is a picture. The same facts
# are in the data: `initial_index_layout(filter_ancillas=True)` lists, for each logical qubit, the
# physical qubit it starts on (what `plot_circuit_layout` colours), and the text drawing labels
# each wire `q_v -> p` (logical qubit $v$ on physical qubit $p$). `idle_wires=False` leaves out the
# physical qubits the circuit never uses, and `fold=-1` keeps a long transpiled circuit on one
# line per wire. `with_layout=False` would drop the `-> p` part.
#
# Below, logical qubits 0, 1, 2 are placed on physical qubits 4, 2, 0: not neighbours, so routing
# adds SWAPs, and the final layout differs from the initial one.

# %% [markdown] lang="ko"
# ## 배치 보기
#
# 장치와, 회로가 그 장치의 어디에 놓였는지를 보여 주는 그래프가 두 가지 있습니다.
#
# - `plot_gate_map(backend)`는 장치의 결합 맵을 그립니다. 물리 큐비트마다 원 하나, 결합된 쌍마다 선
#   하나입니다(`fake_manila`는 $0 - 1 - 2 - 3 - 4$의 일렬 구조입니다).
# - `plot_circuit_layout(transpiled, backend)`는 같은 맵에 초기 배치의 큐비트를 검은색으로 칠하고, 각
#   큐비트에 그 위에 놓인 **논리** 큐비트 번호를 적습니다(`view="physical"`을 주면 물리 큐비트 번호를
#   적습니다).
#
# 두 그래프는 Graphviz라는 별도 프로그램으로 그리는데, 이 과정의 이미지에는 없을 수 있습니다(다음 셀은
# 설치되어 있을 때만 그립니다). 또 이 함수들이 돌려주는 것은 한 장의 그림입니다. 같은 사실이 데이터에도
# 있습니다. `initial_index_layout(filter_ancillas=True)`는 논리 큐비트마다 시작하는 물리 큐비트를
# 나열하고(`plot_circuit_layout`이 칠하는 큐비트), 텍스트 회로도는 각 선에 `q_v -> p`(논리 큐비트 $v$가
# 물리 큐비트 $p$ 위에 있음)라는 이름을 붙입니다. `idle_wires=False`는 회로가 쓰지 않는 물리 큐비트를
# 빼고, `fold=-1`은 긴 트랜스파일 회로를 선마다 한 줄로 유지합니다. `with_layout=False`를 주면
# `-> p` 부분이 빠집니다.
#
# 아래에서는 논리 큐비트 0, 1, 2를 물리 큐비트 4, 2, 0에 놓습니다. 이웃하지 않으므로 라우팅이 SWAP을
# 넣고, 최종 배치가 초기 배치와 달라집니다.

# %%
import shutil

from qiskit.visualization import plot_circuit_layout, plot_gate_map

spread = QuantumCircuit(3)
spread.h(0)
spread.cx(0, 1)
spread.cx(1, 2)
spread_device = transpile(
    spread, manila, initial_layout=[4, 2, 0], optimization_level=1, seed_transpiler=7
)
print(spread_device.layout.initial_index_layout(filter_ancillas=True))
print(spread_device.layout.final_index_layout(filter_ancillas=True))
print(spread_device.draw("text", idle_wires=False, fold=-1))
if shutil.which("dot"):
    display(plot_gate_map(manila))
    display(plot_circuit_layout(spread_device, manila))

# %% exercise="start_qubits"

# %% exercise="device_drawing"

# %% [markdown] lang="en"
# ## Summary
#
# - A device runs only its **basis gates** (`rz`, `sx`, `x` + one two-qubit gate) on the pairs of
#   its **coupling map**; the transpiler rewrites, places (**layout**) and moves (**routing**) qubits.
# - A transpiled circuit carries its initial layout and final permutation; compare it with the
#   original through them (`Operator.from_circuit`), never gate for gate.
# - Two-qubit gates and depth are the budgets that noise imposes; a good initial layout, a higher
#   optimization level, several seeds and connectivity-aware circuits keep them small.
# - `AerSimulator.from_backend(fake_backend)` predicts offline what the noise of a device does; a
#   real device only needs your account and the same transpile-and-run steps.

# %% [markdown] lang="ko"
# ## 정리
#
# - 장치는 **결합 맵**의 큐비트 쌍 위에서 **기본 게이트**(`rz`, `sx`, `x`와 2큐비트 게이트 하나)만
#   실행합니다. 트랜스파일러는 게이트를 다시 쓰고, 큐비트를 배치(**layout**)하고, 옮깁니다(**routing**).
# - 트랜스파일된 회로는 초기 배치와 최종 순열을 지니고 있습니다. 원래 회로와는 게이트 하나하나가 아니라
#   이 정보를 거쳐(`Operator.from_circuit`) 비교하세요.
# - 2큐비트 게이트 수와 깊이는 잡음이 부과하는 예산입니다. 좋은 초기 배치, 높은 최적화 수준, 여러 시드,
#   연결 구조를 고려한 회로 설계로 이 예산을 작게 유지합니다.
# - `AerSimulator.from_backend(fake_backend)`는 장치의 잡음이 하는 일을 오프라인에서 예측합니다. 실제
#   장치에는 자신의 계정과 같은 트랜스파일·실행 단계만 있으면 됩니다.
