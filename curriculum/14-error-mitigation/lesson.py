# %% [markdown] lang="en"
# # Error suppression and mitigation
#
# Module 11 protected information with **error correction**: more qubits, syndromes and
# corrections, which today's devices cannot yet afford for long computations. This module covers
# the two families of methods that work on today's noisy devices without extra qubits:
#
# - **Error suppression** changes the circuit so that less error happens in the first place:
#   **dynamical decoupling** fills idle time with pulses that refocus slow errors, **Pauli
#   twirling** turns coherent gate errors into random Pauli errors that do not build up. The cost
#   is a few extra single-qubit gates.
# - **Error mitigation** runs more circuits and more shots and removes the average effect of the
#   noise in post-processing: **readout mitigation**, **zero-noise extrapolation** (ZNE) and
#   **probabilistic error cancellation** (PEC). It corrects *expectation values*, never single
#   shots, and the price is paid in sampling: the mitigated estimate has a larger variance.
#
# Everything runs offline on `FakeManilaV2`, a snapshot of a 5-qubit IBM device, through
# `AerSimulator.from_backend`, whose noise model carries the device's gate errors, $T_1$/$T_2$
# relaxation and readout errors. Exact values come from `Statevector`, so every method is judged
# the same way: **how much closer to the ideal value does it bring the noisy one?**
#
# **Which library?** We use the methods where they are maintained: Qiskit's own transpiler passes
# for dynamical decoupling (`PadDynamicalDecoupling`) and twirling (`pauli_twirl_2q_gates`), IBM's
# `qiskit-mitigation` (installed with `qiskit-ibm-runtime`, which runs its resilience options on
# it) for gate folding (`GateFoldingPass`), Qiskit's `PauliLindbladMap` for the cost of PEC, and the
# runtime's client-side `Estimator` for the resilience options. We do *not* use `mitiq`: its
# current release (1.1) requires `numpy < 2.3` and, for Qiskit, pins `qiskit-aer ~= 0.17` and
# `qiskit-ibm-runtime ~= 0.41`, older than this course's stack. Two small steps stay hand-written
# because they are the idea itself and no installed library exposes them as a public function: the
# tensor-product inversion of readout calibrations, and the polynomial fit of ZNE (`numpy`).

# %% [markdown] lang="ko"
# # 오류 억제와 오류 완화
#
# 모듈 11에서는 **오류 정정**으로 정보를 지켰습니다. 큐비트를 더 쓰고, 신드롬을 재고, 정정하는 방식인데,
# 오늘날의 장치는 긴 계산에서 아직 그 비용을 감당하지 못합니다. 이 모듈에서는 추가 큐비트 없이 오늘날의
# 잡음 있는 장치에서 쓸 수 있는 두 갈래의 방법을 다룹니다.
#
# - **오류 억제**(error suppression)는 회로를 바꿔 애초에 오류가 덜 생기게 합니다. **동적 디커플링**
#   (dynamical decoupling)은 유휴 시간을 느린 오류를 되돌리는(refocus) 펄스로 채우고, **파울리
#   트월링**(Pauli twirling)은 결맞은(coherent) 게이트 오류를 누적되지 않는 무작위 파울리 오류로
#   바꿉니다. 비용은 단일 큐비트 게이트 몇 개입니다.
# - **오류 완화**(error mitigation)는 회로와 샷을 더 실행하고, 후처리에서 잡음의 평균적인 효과를
#   제거합니다. **판독 오류 완화**, **영잡음 외삽**(zero-noise extrapolation, ZNE), **확률적 오류
#   상쇄**(probabilistic error cancellation, PEC)가 여기에 속합니다. 개별 샷이 아니라 *기댓값*을
#   고치며, 대가는 표본 추출에서 치릅니다. 완화된 추정값은 분산이 더 큽니다.
#
# 모든 것은 5큐비트 IBM 장치의 스냅숏인 `FakeManilaV2`를 `AerSimulator.from_backend`로 감싸 오프라인에서
# 실행합니다. 이 잡음 모델에는 장치의 게이트 오류, $T_1$/$T_2$ 이완, 판독 오류가 들어 있습니다. 정확한
# 값은 `Statevector`로 구하므로 모든 방법을 같은 잣대로 판단합니다. **잡음 있는 값을 이상적인 값에
# 얼마나 더 가깝게 만드는가?**
#
# **어떤 라이브러리를 쓰나요?** 각 방법은 관리되는 곳의 것을 씁니다. 동적 디커플링
# (`PadDynamicalDecoupling`)과 트월링(`pauli_twirl_2q_gates`)은 Qiskit 자체의 트랜스파일러 패스를,
# 게이트 접기(`GateFoldingPass`)는 IBM의 `qiskit-mitigation`(`qiskit-ibm-runtime`과 함께 설치되며,
# 런타임의 복원력 옵션이 이것으로 실행됩니다)을, PEC의 비용은 Qiskit의 `PauliLindbladMap`을, 복원력
# 옵션은 런타임의 클라이언트 측 `Estimator`를 씁니다. `mitiq`는 쓰지 않습니다. 현재 릴리스(1.1)는
# `numpy < 2.3`을 요구하고, Qiskit용으로는 `qiskit-aer ~= 0.17`과 `qiskit-ibm-runtime ~= 0.41`에 묶여
# 있어 이 과정의 환경보다 오래되었습니다. 두 가지 작은 단계는 직접 씁니다. 그 자체가 방법의 핵심이고,
# 설치된 어떤 라이브러리도 공개 함수로 제공하지 않기 때문입니다. 판독 보정 행렬의 텐서곱 역행렬과
# ZNE의 다항식 맞춤(`numpy`)입니다.

# %%
import warnings

import matplotlib.pyplot as plt
from qiskit.circuit import pauli_twirl_2q_gates
from qiskit.circuit.library import XGate
from qiskit.quantum_info import PauliLindbladMap, SparsePauliOp, state_fidelity
from qiskit.transpiler import PassManager, generate_preset_pass_manager
from qiskit.transpiler.passes import ALAPScheduleAnalysis, PadDelay, PadDynamicalDecoupling
from qiskit_aer import AerSimulator
from qiskit_aer.primitives import EstimatorV2 as AerEstimator
from qiskit_ibm_runtime import EstimatorV2 as LegacyEstimator
from qiskit_ibm_runtime.executor_estimator import Estimator as ClientEstimator
from qiskit_ibm_runtime.fake_provider import FakeManilaV2
from qiskit_mitigation.zne import GateFoldingPass

warnings.filterwarnings("ignore", message=r"The (Sampler|Estimator)V2 class is deprecated")

manila = FakeManilaV2()
noisy_sim = AerSimulator.from_backend(manila)
noisy_estimator = AerEstimator.from_backend(noisy_sim)  # precision 0: exact noisy values
print(manila.name, manila.num_qubits, sorted(manila.target.operation_names))

# %% [markdown] lang="en"
# ## The noisy baseline
#
# Our running example is a 3-qubit circuit with four CNOTs and the observable
# $O = \tfrac12(Z_0Z_1 + Z_1Z_2)$. We transpile it into an ISA circuit for Manila, move the
# observable onto its layout (module 13), and compare the exact value with the noisy one. Aer's
# Estimator with `default_precision = 0` (the default of `from_backend`) returns the **exact**
# expectation value of the noisy circuit, with no shot noise: differences we see below are the
# device noise, not sampling luck. It computes the value from the noisy state, so readout errors
# are not part of it; they come back in the section on readout mitigation.

# %% [markdown] lang="ko"
# ## 잡음 있는 기준값
#
# 계속 쓸 예제는 CNOT 네 개로 된 3큐비트 회로와 관측량 $O = \tfrac12(Z_0Z_1 + Z_1Z_2)$입니다. 회로를
# Manila용 ISA 회로로 트랜스파일하고, 관측량을 그 배치로 옮긴 다음(모듈 13), 정확한 값과 잡음 있는 값을
# 비교합니다. `default_precision = 0`(`from_backend`의 기본값)인 Aer Estimator는 잡음 있는 회로의
# **정확한** 기댓값을 샷 잡음 없이 돌려줍니다. 아래에서 보는 차이는 운이 아니라 장치의 잡음입니다.
# 이 값은 잡음 있는 상태에서 계산하므로 판독 오류는 들어 있지 않습니다. 판독 오류는 판독 오류 완화
# 절에서 다시 다룹니다.

# %%
chain = QuantumCircuit(3)
chain.h(0)
chain.cx(0, 1)
chain.cx(1, 2)
chain.ry(0.5, 2)
chain.cx(1, 2)
chain.ry(0.3, 0)
chain.cx(0, 1)
zz = SparsePauliOp(["IZZ", "ZZI"], [0.5, 0.5])

isa_chain = generate_preset_pass_manager(
    optimization_level=1, backend=manila, seed_transpiler=14
).run(chain)
isa_zz = zz.apply_layout(isa_chain.layout)
exact = Statevector(chain).expectation_value(zz).real
raw = float(noisy_estimator.run([(isa_chain, isa_zz)]).result()[0].data.evs)
print(dict(isa_chain.count_ops()))
print(round(exact, 4), round(raw, 4), round(abs(raw - exact), 4))

# %% [markdown] lang="en"
# ## Dynamical decoupling
#
# While one qubit waits for the others, it is not safe: slow frequency shifts and crosstalk rotate
# its phase. **Dynamical decoupling** (DD) fills each idle window with a sequence of pulses whose
# product is the identity, for example $X$, wait, $X$. A static $Z$ rotation during the first half
# of the wait is undone in the second half, because $X R_Z(\varphi) X = R_Z(-\varphi)$.
#
# DD needs time: the circuit is first **scheduled** (`ALAPScheduleAnalysis` puts each gate as late
# as possible using the durations in the backend's target), then `PadDynamicalDecoupling` replaces
# the idle windows by delays and DD gates. Both passes take the target, so the DD gates are native
# (`x`) and last as long as the device says.

# %% [markdown] lang="ko"
# ## 동적 디커플링
#
# 한 큐비트가 다른 큐비트들을 기다리는 동안에도 안전하지 않습니다. 느린 주파수 변화와 혼선
# (crosstalk)이 그 위상을 돌립니다. **동적 디커플링**(DD)은 각 유휴 구간을 곱하면 항등이 되는 펄스
# 열, 예를 들어 $X$, 기다림, $X$로 채웁니다. 기다림의 앞 절반 동안 생긴 정적인 $Z$ 회전은 뒤 절반에서
# 되돌려집니다. $X R_Z(\varphi) X = R_Z(-\varphi)$이기 때문입니다.
#
# DD에는 시간 정보가 필요합니다. 먼저 회로를 **스케줄링**합니다(`ALAPScheduleAnalysis`가 백엔드 타깃의
# 게이트 시간을 써서 각 게이트를 가능한 한 늦게 놓습니다). 그다음 `PadDynamicalDecoupling`이 유휴
# 구간을 지연(delay)과 DD 게이트로 바꿉니다. 두 패스 모두 타깃을 받으므로 DD 게이트는 고유 게이트
# (`x`)이고, 길이도 장치가 말하는 그대로입니다.

# %%
waiting = QuantumCircuit(3)
waiting.h(0)
waiting.cx(0, 1)
for _ in range(3):
    waiting.cx(1, 2)
    waiting.rz(0.3, 2)
waiting.cx(0, 1)
isa_waiting = generate_preset_pass_manager(
    optimization_level=1, backend=manila, seed_transpiler=3
).run(waiting)

dd_pass_manager = PassManager(
    [
        ALAPScheduleAnalysis(target=manila.target),
        PadDynamicalDecoupling(target=manila.target, dd_sequence=[XGate(), XGate()]),
    ]
)
isa_dd = dd_pass_manager.run(isa_waiting)
print(dict(isa_waiting.count_ops()))
print(dict(isa_dd.count_ops()))
isa_dd.draw("mpl", idle_wires=False, fold=-1)

# %% [markdown] lang="en"
# Qubit 0 is entangled with qubit 1 and then waits through the three CNOTs of qubits 1 and 2; its
# idle window now holds two `x` gates between delays (qubit 2 gets a pair in a shorter gap). The
# idle time at the very start is left alone: a qubit still in $|0\rangle$ has nothing to protect.
# Delays do nothing logically, so removing them must leave exactly the operator of the circuit we
# started from: DD is **suppression**, it never changes the computation.

# %% [markdown] lang="ko"
# 큐비트 0은 큐비트 1과 얽힌 뒤 큐비트 1과 2의 CNOT 세 개가 끝날 때까지 기다립니다. 이제 그 유휴
# 구간에는 지연 사이에 `x` 게이트 두 개가 들어 있습니다(큐비트 2도 더 짧은 틈에 한 쌍을 받습니다).
# 맨 처음의 유휴 시간은 그대로 둡니다. 아직 $|0\rangle$에 있는 큐비트에는 지킬 것이 없습니다. 지연은
# 논리적으로 아무 일도 하지 않으므로, 지연을 지우면 처음 회로와 정확히 같은 연산자가 남아야 합니다.
# DD는 **억제**일 뿐 계산을 바꾸지 않습니다.


# %%
def without_delays(circuit):
    bare = circuit.copy_empty_like()
    for instruction in circuit.data:
        if instruction.operation.name != "delay":
            bare.append(instruction)
    return bare


print([isa_dd.find_bit(i.qubits[0]).index for i in isa_dd.data if i.operation.name == "x"])
print(Operator(without_delays(isa_dd)).equiv(Operator(isa_waiting)))

# %% [markdown] lang="en"
# What does DD buy? Against a **coherent** idle error it is very effective. Below, a toy model
# turns every delay of $t$ seconds into $R_Z(2\pi f t)$, a qubit detuned by $f = 20$ kHz. Without
# DD (the same schedule, padded with plain delays by `PadDelay`) the state drifts away; with DD the
# rotations of the two halves cancel.
#
# Be honest about the simulator, though: the noise model that `AerSimulator.from_backend` builds
# puts only $T_1$/$T_2$ **relaxation** on delays, a memoryless (Markovian) noise that no pulse
# sequence can refocus. There DD cannot help: of the last three numbers, the ideal
# $\langle X_0X_2\rangle$ and its noisy values without and with DD, the last is no better. On
# hardware the slow, coherent part of the idle noise is real, which is why the runtime offers DD
# as an option.

# %% [markdown] lang="ko"
# DD는 무엇을 얻게 해 줄까요? **결맞은**(coherent) 유휴 오류에는 아주 효과적입니다. 아래의 장난감
# 모델은 $t$초짜리 지연을 모두 $R_Z(2\pi f t)$로 바꿉니다. 주파수가 $f = 20$ kHz만큼 어긋난
# 큐비트입니다. DD가 없으면(같은 스케줄을 `PadDelay`로 평범한 지연만 채운 회로) 상태가 점점 벗어나고,
# DD가 있으면 두 절반의 회전이 상쇄됩니다.
#
# 다만 시뮬레이터에 대해서는 솔직해야 합니다. `AerSimulator.from_backend`가 만드는 잡음 모델은 지연에
# $T_1$/$T_2$ **이완**만 넣습니다. 기억이 없는(마르코프) 잡음이라 어떤 펄스 열로도 되돌릴 수 없습니다.
# 거기서는 DD가 도움이 되지 않습니다. 마지막 세 숫자는 이상적인 $\langle X_0X_2\rangle$, 그리고
# 잡음 시뮬레이터에서 DD 없이 잰 값과 DD를 넣고 잰 값인데, 마지막 값이 더 낫지 않습니다. 실제
# 하드웨어에는 느리고 결맞은 유휴 잡음이 분명히 있고, 그래서 런타임이 DD를 옵션으로 제공합니다.


# %%
def detuned(circuit, frequency=2e4):
    drifting = circuit.copy_empty_like()
    for instruction in circuit.data:
        operation = instruction.operation
        if operation.name == "delay":
            seconds = operation.duration * manila.target.dt
            drifting.rz(2 * np.pi * frequency * seconds, instruction.qubits[0])
        else:
            drifting.append(instruction)
    return drifting


delays_only = PassManager(
    [ALAPScheduleAnalysis(target=manila.target), PadDelay(target=manila.target)]
).run(isa_waiting)
ideal_state = Statevector(isa_waiting)
print(round(state_fidelity(ideal_state, Statevector(detuned(delays_only))), 4))
print(round(state_fidelity(ideal_state, Statevector(detuned(isa_dd))), 4))

xx = SparsePauliOp(["XIX"]).apply_layout(isa_waiting.layout)
print(round(Statevector(waiting).expectation_value(SparsePauliOp(["XIX"])).real, 4))
for circuit in (delays_only, isa_dd):
    print(round(float(noisy_estimator.run([(circuit, xx)]).result()[0].data.evs), 4))

# %% exercise="dd_pad"

# %% [markdown] lang="en"
# ## Pauli twirling
#
# A gate that is slightly wrong in the *same* way every time (a coherent error, such as a small
# extra $ZZ$ rotation after each CNOT) adds up **amplitudes**: after $k$ gates the error angle is
# $k\varepsilon$ and the infidelity grows like $k^2\varepsilon^2$. **Pauli twirling** sandwiches
# each two-qubit gate $U$ between random Paulis, $P' U P$, where $P' = U P^\dagger U^\dagger$ is
# again a Pauli for Clifford gates such as CX, CZ and ECR, so $P' U P = U$ up to a global phase.
# Every twirled copy does the same computation; averaged over copies, the coherent error becomes a
# **Pauli channel**, whose errors add up only like $k\varepsilon^2$ and which mitigation methods
# can model. `pauli_twirl_2q_gates` makes such copies.

# %% [markdown] lang="ko"
# ## 파울리 트월링
#
# 매번 *같은* 방식으로 조금 틀리는 게이트(결맞은 오류, 예를 들어 CNOT마다 뒤따르는 작은 $ZZ$ 회전)는
# **진폭**으로 쌓입니다. 게이트 $k$개를 지나면 오류 각도는 $k\varepsilon$이고, 불충실도는
# $k^2\varepsilon^2$처럼 커집니다. **파울리 트월링**은 각 2큐비트 게이트 $U$를 무작위 파울리 연산자로
# 감쌉니다. $P' U P$에서 $P' = U P^\dagger U^\dagger$는 CX, CZ, ECR 같은 클리퍼드 게이트에 대해 다시
# 파울리 연산자이므로, 전역 위상을 빼면 $P' U P = U$입니다. 트월링한 사본은 모두 같은 계산을 하고,
# 사본들에 걸쳐 평균하면 결맞은 오류는 **파울리 채널**이 됩니다. 파울리 채널의 오류는
# $k\varepsilon^2$처럼만 쌓이고, 오류 완화 방법들이 모형으로 다룰 수 있습니다.
# `pauli_twirl_2q_gates`가 이런 사본을 만듭니다.

# %%
twirled = pauli_twirl_2q_gates(chain, seed=7, num_twirls=3)
print([dict(copy.count_ops()) for copy in twirled])
print([Operator(copy).equiv(Operator(chain)) for copy in twirled])
twirled[0].draw("mpl")

# %% [markdown] lang="en"
# Now the measured effect. A pair of CNOTs is the identity; we repeat it $k$ times on $|{+}0\rangle$
# and give every CNOT the same coherent error, an extra $R_{ZZ}(0.08)$. The plain circuit drifts
# coherently; the average over 24 twirled copies (each an exact statevector) loses much less.

# %% [markdown] lang="ko"
# 이제 효과를 재 봅시다. CNOT 두 개는 항등입니다. 이것을 $|{+}0\rangle$에 $k$번 반복하고, 모든 CNOT에
# 같은 결맞은 오류, 즉 추가 $R_{ZZ}(0.08)$를 줍니다. 그냥 회로는 결맞게 벗어나고, 트월링한 사본 24개의
# 평균(각각 정확한 상태벡터)은 훨씬 덜 잃습니다.


# %%
def with_coherent_error(circuit, angle=0.08):
    faulty = circuit.copy_empty_like()
    for instruction in circuit.data:
        faulty.append(instruction)
        if instruction.operation.name == "cx":
            faulty.rzz(angle, *instruction.qubits)
    return faulty


plus_zero = Statevector.from_label("0+")
for pairs in (4, 8, 16):
    repeated = QuantumCircuit(2)
    for _ in range(2 * pairs):
        repeated.cx(0, 1)
    plain = state_fidelity(plus_zero, plus_zero.evolve(with_coherent_error(repeated)))
    copies = pauli_twirl_2q_gates(repeated, seed=pairs, num_twirls=24)
    average = np.mean(
        [state_fidelity(plus_zero, plus_zero.evolve(with_coherent_error(c))) for c in copies]
    )
    print(pairs, round(plain, 4), round(float(average), 4))

# %% exercise="twirled_copies"

# %% [markdown] lang="en"
# ## Readout mitigation, revisited
#
# Module 11 inverted a full $2^n\times 2^n$ calibration matrix, which needs $2^n$ calibration
# circuits. On real devices readout errors are nearly **independent per qubit**, so two circuits
# suffice: measure all qubits in $|0\ldots0\rangle$ and in $|1\ldots1\rangle$, read each qubit's
# flip probabilities from the **marginals**, and build one $2\times2$ matrix per qubit,
#
# $$M_q = \begin{pmatrix} 1 - P_q(1\mid 0) & P_q(0\mid 1) \\ P_q(1\mid 0) & 1 - P_q(0\mid 1)
# \end{pmatrix}, \qquad M = M_{n-1} \otimes \cdots \otimes M_1 \otimes M_0,$$
#
# whose inverse is the tensor product of the small inverses (the **tensored** or local method). The
# order of the Kronecker product follows the bitstring: qubit 0 is the rightmost character and the
# rightmost factor. IBM's runtime does the same job with **TREX** (twirled readout error
# extinction), and the `mthree` package scales the idea to many qubits.
#
# Manila's target reports the readout error of each qubit; our calibration measures it:

# %% [markdown] lang="ko"
# ## 판독 오류 완화 다시 보기
#
# 모듈 11에서는 $2^n\times 2^n$ 보정 행렬 전체의 역을 구했고, 그러려면 보정 회로가 $2^n$개 필요합니다.
# 실제 장치의 판독 오류는 거의 **큐비트마다 독립**이므로 회로 두 개면 충분합니다. 모든 큐비트를
# $|0\ldots0\rangle$과 $|1\ldots1\rangle$에서 측정하고, **주변 분포**에서 큐비트마다 뒤집힐 확률을 읽어
# 큐비트마다 $2\times2$ 행렬을 하나씩 만듭니다.
#
# $$M_q = \begin{pmatrix} 1 - P_q(1\mid 0) & P_q(0\mid 1) \\ P_q(1\mid 0) & 1 - P_q(0\mid 1)
# \end{pmatrix}, \qquad M = M_{n-1} \otimes \cdots \otimes M_1 \otimes M_0$$
#
# 그 역행렬은 작은 역행렬들의 텐서곱입니다(**텐서곱** 또는 국소(local) 방법). 크로네커 곱의 순서는
# 비트 문자열을 따릅니다. 큐비트 0이 가장 오른쪽 글자이고 가장 오른쪽 인자입니다. IBM 런타임은 같은
# 일을 **TREX**(twirled readout error extinction)로 하고, `mthree` 패키지는 이 생각을 많은 큐비트로
# 넓힙니다.
#
# Manila의 타깃은 큐비트마다 판독 오류를 알려 주고, 우리 보정은 그것을 측정합니다.

# %%
all_zeros = QuantumCircuit(3)
all_zeros.measure_all()
all_ones = QuantumCircuit(3)
all_ones.x(range(3))
all_ones.measure_all()
calibration = noisy_sim.run([all_zeros, all_ones], shots=4000, seed_simulator=21).result()
zeros_counts, ones_counts = calibration.get_counts(0), calibration.get_counts(1)

for qubit in range(3):
    flip_up = sum(c for bits, c in zeros_counts.items() if bits[2 - qubit] == "1") / 4000
    flip_down = sum(c for bits, c in ones_counts.items() if bits[2 - qubit] == "0") / 4000
    reported = manila.target["measure"][(qubit,)].error
    print(qubit, flip_up, flip_down, round(reported, 4))

# %% [markdown] lang="en"
# For one qubit the whole method is a $2\times 2$ solve. Here qubit 2 of a GHZ state, whose ideal
# marginal is $(\tfrac12, \tfrac12)$:

# %% [markdown] lang="ko"
# 큐비트 하나라면 방법 전체가 $2\times 2$ 연립방정식 하나입니다. GHZ 상태의 큐비트 2로 해 봅니다.
# 이상적인 주변 분포는 $(\tfrac12, \tfrac12)$입니다.

# %%
ghz = QuantumCircuit(3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.measure_all()
isa_ghz = generate_preset_pass_manager(1, manila, seed_transpiler=2).run(ghz)
ghz_counts = noisy_sim.run(isa_ghz, shots=4000, seed_simulator=8).result().get_counts()

flip_up = sum(c for bits, c in zeros_counts.items() if bits[0] == "1") / 4000
flip_down = sum(c for bits, c in ones_counts.items() if bits[0] == "0") / 4000
m_2 = np.array([[1 - flip_up, flip_down], [flip_up, 1 - flip_down]])
measured = np.array([sum(c for bits, c in ghz_counts.items() if bits[0] == v) for v in "01"])
print(measured / 4000, np.linalg.solve(m_2, measured / 4000))

# %% exercise="tensored_readout"

# %% [markdown] lang="en"
# ## Zero-noise extrapolation
#
# If we cannot remove the noise, we can **increase** it in a controlled way and extrapolate back.
# **Gate folding** replaces each two-qubit gate $U$ by $U (U^\dagger U)^m$: logically the same, but
# with $2m+1$ times the two-qubit gates and so roughly $2m+1$ times their noise. The **noise
# factor** (scale) $\lambda = 2m + 1$ is 1, 3, 5, .... Measuring $E(\lambda)$ at several factors
# and fitting a curve gives an estimate of $E(0)$, the value without noise.
#
# `qiskit-mitigation`, the library IBM's runtime uses for its own ZNE, provides the folding as a
# transpiler pass, `GateFoldingPass(noise_factor)`. It folds CX, CZ, ECR (and CY, SWAP) gates; a
# factor that is not an odd integer folds a chosen subset one extra time.

# %% [markdown] lang="ko"
# ## 영잡음 외삽
#
# 잡음을 없앨 수 없다면, 잡음을 통제된 방식으로 **키운** 다음 거꾸로 외삽할 수 있습니다. **게이트
# 접기**(gate folding)는 각 2큐비트 게이트 $U$를 $U (U^\dagger U)^m$으로 바꿉니다. 논리적으로는 같지만
# 2큐비트 게이트가 $2m+1$배가 되고, 그래서 그 잡음도 대략 $2m+1$배가 됩니다. **잡음 배율**(noise
# factor) $\lambda = 2m + 1$은 1, 3, 5, ...입니다. 여러 배율에서 $E(\lambda)$를 재고 곡선을 맞추면
# 잡음이 없을 때의 값 $E(0)$을 추정할 수 있습니다.
#
# IBM 런타임이 자체 ZNE에 쓰는 라이브러리인 `qiskit-mitigation`은 접기를 트랜스파일러 패스
# `GateFoldingPass(noise_factor)`로 제공합니다. CX, CZ, ECR(그리고 CY, SWAP) 게이트를 접으며, 홀수
# 정수가 아닌 배율에서는 고른 일부 게이트를 한 번 더 접습니다.

# %%
folded_3 = PassManager([GateFoldingPass(3)]).run(isa_chain)
print(isa_chain.count_ops()["cx"], folded_3.count_ops()["cx"])
print(Operator(folded_3).equiv(Operator(isa_chain)))

# %% exercise="fold_gates"

# %% [markdown] lang="en"
# Now the measurement: the same ISA circuit at factors 1, 3, 5 on the noisy simulator. The
# noisy value falls as the noise grows; a straight line (least squares) and a parabola through the
# three points, both evaluated at $\lambda = 0$, land much closer to the exact value than the
# unfolded circuit. With exactly $d+1$ points, the degree-$d$ fit is the classic **Richardson
# extrapolation**. Beware: `np.polyfit` returns coefficients **highest power first**; the value at
# zero is `np.polyval(coefficients, 0)`, the last coefficient.

# %% [markdown] lang="ko"
# 이제 측정입니다. 같은 ISA 회로를 잡음 시뮬레이터에서 배율 1, 3, 5로 실행합니다. 잡음이 커질수록 잡음
# 있는 값은 떨어집니다. 세 점에 (최소제곱으로) 맞춘 직선과 포물선을 $\lambda = 0$에서 계산하면, 둘 다
# 접지 않은 회로보다 정확한 값에 훨씬 가깝습니다. 점이 정확히 $d+1$개이면 $d$차 맞춤은 고전적인
# **리처드슨 외삽**(Richardson extrapolation)입니다. 주의하세요. `np.polyfit`은 계수를 **최고차항부터**
# 돌려줍니다. 0에서의 값은 `np.polyval(coefficients, 0)`, 즉 마지막 계수입니다.

# %%
factors = [1, 3, 5]
folded = [PassManager([GateFoldingPass(f)]).run(isa_chain) for f in factors]
values = [float(r.data.evs) for r in noisy_estimator.run([(c, isa_zz) for c in folded]).result()]
linear = np.polyval(np.polyfit(factors, values, 1), 0)
quadratic = np.polyval(np.polyfit(factors, values, 2), 0)
print(np.round(values, 4))
print(round(exact, 4), round(linear, 4), round(quadratic, 4))

grid = np.linspace(0, 5, 50)
plt.plot(factors, values, "o")
plt.plot(grid, np.polyval(np.polyfit(factors, values, 1), grid), "--")
plt.plot(grid, np.polyval(np.polyfit(factors, values, 2), grid), ":")
plt.axhline(exact, color="gray")
plt.xlabel("λ")
plt.ylabel("⟨O⟩")
plt.show()

# %% exercise="zero_noise_limit"

# %% exercise="zne_expectation"

# %% [markdown] lang="en"
# ZNE is cheap (three circuits instead of one) but its answer is only as good as the fit: the
# model of how the value depends on $\lambda$ is a guess, and the extrapolation also amplifies the
# statistical error of each point. IBM's runtime therefore offers several extrapolators
# (`linear`, `exponential`, polynomials) and, as **PEA** (probabilistic error amplification), a more
# faithful way to scale the noise using a learned noise model.

# %% [markdown] lang="ko"
# ZNE는 비용이 적게 듭니다(회로 하나 대신 세 개). 하지만 답은 맞춤만큼만 좋습니다. 값이 $\lambda$에 어떻게
# 의존하는지에 대한 모형은 추측이고, 외삽은 각 점의 통계 오차도 키웁니다. 그래서 IBM 런타임은 여러
# 외삽 함수(`linear`, `exponential`, 다항식)를 제공하고, 학습한 잡음 모델로 잡음을 더 충실하게 키우는
# **PEA**(probabilistic error amplification, 확률적 오류 증폭)도 제공합니다.

# %% [markdown] lang="en"
# ## Probabilistic error cancellation: the idea and its cost
#
# PEC removes the noise exactly, on average. Suppose a layer of gates is followed by a known Pauli
# noise channel $\Lambda$. Its inverse $\Lambda^{-1}$ is not a physical channel, but it is a
# **quasi-probability** mixture of Paulis: $\Lambda^{-1}(\rho) = \gamma \sum_P \mathrm{sign}_P\,
# p_P\, P\rho P$ with probabilities $p_P$ and signs $\pm1$. PEC samples a Pauli $P$ with probability
# $p_P$, inserts it after the layer, runs the circuit and multiplies the result by
# $\gamma\,\mathrm{sign}_P$. The average is the noise-free value; the price is the variance: to
# reach the same precision as a noise-free device, PEC needs about $\gamma^2$ times as many shots,
# the **sampling overhead**.
#
# IBM learns the noise of each layer as a sparse **Pauli-Lindblad** model,
# $\Lambda = \exp\big(\sum_P \lambda_P (P\cdot P - \cdot)\big)$ with rates $\lambda_P \ge 0$.
# Qiskit's `PauliLindbladMap` holds such a model; `inverse()` gives $\Lambda^{-1}$ (rates
# $-\lambda_P$) and `gamma()` its $\gamma = \exp(2\sum_P \lambda_P)$. Layers multiply: a circuit
# with $L$ layers has $\gamma^L$, and its overhead $\gamma^{2L}$ grows **exponentially** with the
# circuit size. That is why PEC is exact but only affordable for small circuits.
#
# Below, the inverse has the negative rates $-\lambda_P$, and `probabilities()` gives for each
# generator the probability of inserting *nothing*; with the small remaining probability PEC
# inserts that generator's Pauli and flips the sign of the shot's contribution.

# %% [markdown] lang="ko"
# ## 확률적 오류 상쇄: 발상과 비용
#
# PEC는 평균적으로 잡음을 정확히 없앱니다. 게이트 층(layer) 하나 뒤에 알려진 파울리 잡음 채널
# $\Lambda$가 따라온다고 합시다. 그 역 $\Lambda^{-1}$은 물리적인 채널이 아니지만, 파울리 연산자들의
# **준확률**(quasi-probability) 혼합입니다. $\Lambda^{-1}(\rho) = \gamma \sum_P \mathrm{sign}_P\,
# p_P\, P\rho P$이며 $p_P$는 확률, 부호는 $\pm1$입니다. PEC는 파울리 연산자 $P$를 확률 $p_P$로 뽑아 층
# 뒤에 넣고, 회로를 실행하고, 결과에 $\gamma\,\mathrm{sign}_P$를 곱합니다. 그 평균은 잡음 없는
# 값입니다. 대가는 분산입니다. 잡음 없는 장치와 같은 정밀도에 이르려면 PEC는 샷이 약 $\gamma^2$배
# 필요합니다. 이것이 **표본 추출 오버헤드**(sampling overhead)입니다.
#
# IBM은 각 층의 잡음을 희소한 **파울리-린드블라드**(Pauli-Lindblad) 모델
# $\Lambda = \exp\big(\sum_P \lambda_P (P\cdot P - \cdot)\big)$(비율 $\lambda_P \ge 0$)로 학습합니다.
# Qiskit의 `PauliLindbladMap`이 이런 모델을 담습니다. `inverse()`는 $\Lambda^{-1}$(비율 $-\lambda_P$)을,
# `gamma()`는 그 $\gamma = \exp(2\sum_P \lambda_P)$를 줍니다. 층은 곱해집니다. 층이 $L$개인 회로는
# $\gamma^L$을 갖고, 오버헤드 $\gamma^{2L}$은 회로 크기에 따라 **지수적으로** 커집니다. 그래서 PEC는
# 정확하지만 작은 회로에서만 감당할 수 있습니다.
#
# 아래에서 역은 음수 비율 $-\lambda_P$를 갖고, `probabilities()`는 생성원마다 *아무것도* 넣지 않을
# 확률을 줍니다. 남은 작은 확률로 PEC는 그 생성원의 파울리 연산자를 넣고, 그 샷이 기여하는 값의 부호를
# 뒤집습니다.

# %%
layer_noise = PauliLindbladMap.from_list([("IX", 0.004), ("ZI", 0.003), ("ZZ", 0.002)])
inverse_noise = layer_noise.inverse()
print(layer_noise.gamma(), round(inverse_noise.gamma(), 6), round(np.exp(2 * 0.009), 6))
print(inverse_noise.rates, np.round(inverse_noise.probabilities(), 6))
for layers in (1, 10, 100, 1000):
    print(layers, f"{inverse_noise.gamma() ** (2 * layers):.4g}")

# %% exercise="pec_overhead"

# %% [markdown] lang="en"
# ## The runtime's resilience options
#
# On IBM hardware you do not write these steps yourself: the Estimator's **options** switch them
# on. `resilience_level` picks a preset (0: nothing, 1: readout mitigation with TREX and
# measurement twirling, 2: adds ZNE with gate twirling), and each method can also be set on its
# own: `dynamical_decoupling`, `twirling`, `resilience.measure_mitigation`,
# `resilience.zne_mitigation` with `resilience.zne`, `resilience.pec_mitigation` with
# `resilience.pec`.
#
# What happens **locally** depends on which Estimator you use. The classic `EstimatorV2` (module
# 13; deprecated since qiskit-ibm-runtime 0.50) sends the options to IBM's servers, which do the
# mitigation there; in local testing mode it **ignores** them and says so in a warning:

# %% [markdown] lang="ko"
# ## 런타임의 복원력 옵션
#
# IBM 하드웨어에서는 이 단계들을 직접 쓰지 않습니다. Estimator의 **옵션**이 켜 줍니다.
# `resilience_level`은 미리 정한 묶음을 고릅니다(0: 없음, 1: TREX 판독 완화와 측정 트월링, 2: 여기에
# ZNE와 게이트 트월링 추가). 각 방법을 따로 설정할 수도 있습니다. `dynamical_decoupling`, `twirling`,
# `resilience.measure_mitigation`, `resilience.zne`과 함께 쓰는 `resilience.zne_mitigation`,
# `resilience.pec`과 함께 쓰는 `resilience.pec_mitigation`입니다.
#
# **로컬**에서 무슨 일이 일어나는지는 어떤 Estimator를 쓰는지에 달렸습니다. 고전적인 `EstimatorV2`
# (모듈 13, qiskit-ibm-runtime 0.50부터 사용 중단 예정)는 옵션을 IBM 서버로 보내고 완화는 서버에서
# 합니다. 로컬 테스트 모드에서는 옵션을 **무시하고**, 경고로 그렇다고 알려 줍니다.

# %%
legacy = LegacyEstimator(mode=manila)
legacy.options.resilience_level = 2
legacy.options.dynamical_decoupling.enable = True
legacy.options.simulator.seed_simulator = 5
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    legacy_value = float(legacy.run([(isa_chain, isa_zz)]).result()[0].data.evs)
print([str(w.message)[:90] for w in caught if "local testing mode" in str(w.message)])
print(round(legacy_value, 4))

# %% [markdown] lang="en"
# The new **client-side** Estimator, `qiskit_ibm_runtime.executor_estimator.Estimator`, does the
# pre- and post-processing on your computer with `qiskit-mitigation` and sends only the circuits
# to the device through the Executor. With a fake backend it therefore really runs twirling,
# readout mitigation (TREX) and ZNE locally. `finalize_options()` shows the options a job would
# use, after the level's defaults are filled in. Below, level 0 gives the plain sampled value,
# which includes the readout errors that Aer's exact Estimator leaves out; level 1 with ZNE
# switched on adds TREX and gate folding. The estimates have shot noise (16 randomizations of 256
# shots per noise factor) and the randomizations are not seeded, so the last digits change from
# run to run.

# %% [markdown] lang="ko"
# 새로운 **클라이언트 측** Estimator인 `qiskit_ibm_runtime.executor_estimator.Estimator`는
# 전처리와 후처리를 `qiskit-mitigation`으로 내 컴퓨터에서 하고, 회로만 Executor를 거쳐 장치로 보냅니다.
# 그래서 가짜 백엔드에서는 트월링, 판독 완화(TREX), ZNE를 실제로 로컬에서 실행합니다.
# `finalize_options()`는 수준의 기본값을 채운 뒤 작업이 실제로 쓸 옵션을 보여 줍니다. 아래에서 수준
# 0은 평범하게 표본 추출한 값을 줍니다. 여기에는 Aer의 정확한 Estimator가 빼놓는 판독 오류가 들어
# 있습니다. ZNE를 켠 수준 1은 TREX와 게이트 접기를 더합니다. 추정값에는 샷 잡음이 있고(잡음 배율마다
# 256샷짜리 무작위화 16개), 무작위화에는 시드가 없어 마지막 자릿수는 실행할 때마다 달라집니다.


# %%
def client_estimate(level, zne):
    estimator = ClientEstimator(mode=manila)
    estimator.options.resilience_level = level
    if zne:
        estimator.options.resilience.zne_mitigation = True
        estimator.options.resilience.zne.noise_factors = (1, 3, 5)
        estimator.options.resilience.zne.extrapolator = "linear"
    estimator.options.twirling.num_randomizations = 16
    estimator.options.twirling.shots_per_randomization = 256
    estimator.options.simulator.seed_simulator = 6
    options = estimator.finalize_options().model_dump()
    print(options["resilience"]["measure_mitigation"], options["resilience"]["zne_mitigation"])
    return float(estimator.run([(isa_chain, isa_zz)]).result()[0].data.evs)


unmitigated = client_estimate(level=0, zne=False)
mitigated = client_estimate(level=1, zne=True)
print(round(exact, 4), round(unmitigated, 4), round(mitigated, 4))

# %% exercise="resilience_options"

# %% [markdown] lang="en"
# ## Summary
#
# - **Suppression** changes the circuit, not the computation: DD fills idle windows with pulses
#   that multiply to the identity (`ALAPScheduleAnalysis` + `PadDynamicalDecoupling`), twirling
#   surrounds two-qubit gates with Paulis that cancel (`pauli_twirl_2q_gates`). Both are checked by
#   comparing operators.
# - **Readout mitigation** inverts calibration matrices; with independent errors, two calibration
#   circuits and a tensor product of $2\times2$ inverses suffice.
# - **ZNE** folds gates (`GateFoldingPass`) to scale the noise by $\lambda = 1, 3, 5$ and
#   extrapolates the fit to $\lambda = 0$; cheap, but the fit model is a guess.
# - **PEC** samples the quasi-probability inverse of a learned noise model; unbiased, but its
#   sampling overhead $\gamma^2 = \exp(4\sum\lambda)$ per layer grows exponentially with the
#   circuit.
# - The runtime switches these on by **options**; locally, only the client-side Estimator runs
#   them, and every method is judged by one measure: the distance to the ideal value.

# %% [markdown] lang="ko"
# ## 정리
#
# - **억제**는 계산이 아니라 회로를 바꿉니다. DD는 곱하면 항등이 되는 펄스로 유휴 구간을 채우고
#   (`ALAPScheduleAnalysis` + `PadDynamicalDecoupling`), 트월링은 서로 상쇄되는 파울리 연산자로
#   2큐비트 게이트를 감쌉니다(`pauli_twirl_2q_gates`). 둘 다 연산자를 비교해 확인합니다.
# - **판독 오류 완화**는 보정 행렬의 역을 씁니다. 오류가 독립이면 보정 회로 두 개와 $2\times2$
#   역행렬들의 텐서곱으로 충분합니다.
# - **ZNE**는 게이트를 접어(`GateFoldingPass`) 잡음을 $\lambda = 1, 3, 5$배로 키우고 맞춘 곡선을
#   $\lambda = 0$으로 외삽합니다. 싸지만 맞춤 모형은 추측입니다.
# - **PEC**는 학습한 잡음 모델의 준확률 역을 표본 추출합니다. 편향이 없지만, 층마다
#   $\gamma^2 = \exp(4\sum\lambda)$인 표본 추출 오버헤드가 회로 크기에 따라 지수적으로 커집니다.
# - 런타임은 이 방법들을 **옵션**으로 켭니다. 로컬에서는 클라이언트 측 Estimator만 실제로 실행하며,
#   모든 방법은 하나의 잣대, 이상적인 값까지의 거리로 판단합니다.
