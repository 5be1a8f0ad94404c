# %% [markdown] lang="en"
# # Hamiltonian simulation
#
# Feynman's original reason for quantum computers was to simulate nature: the state of $n$
# interacting spins needs $2^n$ numbers on a classical computer but only $n$ qubits on a quantum
# one. Simulating how a quantum system evolves in time, $|\psi(t)\rangle = e^{-iHt}|\psi(0)\rangle$,
# is the most natural application, and it is what IBM's "utility" experiments of 2023 ran on 127
# qubits: the dynamics of an Ising model of spins. In this module you will
#
# - write the **transverse-field Ising model** (TFIM) as a `SparsePauliOp` and compute its exact
#   evolution with `scipy.linalg.expm` (possible only for a few qubits);
# - turn $e^{-iHt}$ into gates by **Trotterisation**: by hand with `rzz` and `rx`, and with
#   Qiskit's `PauliEvolutionGate` and its `LieTrotter` and `SuzukiTrotter` syntheses;
# - measure the error of these **product formulas** exactly and find how it scales with the
#   number of steps $r$: as $1/r$ (Lie-Trotter) and $1/r^2$ (second-order Suzuki);
# - compute the **magnetisation** of the chain after a sudden change of the field (a *quench*)
#   with the **Estimator** primitive of module 10.

# %% [markdown] lang="ko"
# # 해밀토니안 시뮬레이션
#
# 파인만이 처음 양자 컴퓨터를 떠올린 이유는 자연을 시뮬레이션하기 위해서였습니다. 상호작용하는
# 스핀 $n$개의 상태는 고전 컴퓨터에서는 $2^n$개의 수가 필요하지만 양자 컴퓨터에서는 큐비트 $n$개면
# 됩니다. 양자계가 시간에 따라 어떻게 진화하는지, 곧 $|\psi(t)\rangle = e^{-iHt}|\psi(0)\rangle$를
# 시뮬레이션하는 것이 가장 자연스러운 응용이며, 2023년 IBM의 "유틸리티"(utility) 실험이 127개
# 큐비트에서 실행한 것도 바로 스핀 이징 모형의 동역학이었습니다. 이 모듈에서는 다음을 합니다.
#
# - **횡자기장 이징 모형**(transverse-field Ising model, TFIM)을 `SparsePauliOp`로 쓰고, 그 정확한
#   진화를 `scipy.linalg.expm`으로 계산합니다(큐비트가 몇 개일 때만 가능합니다).
# - **트로터 분해**(Trotterisation)로 $e^{-iHt}$를 게이트로 바꿉니다. `rzz`와 `rx`로 직접 만들고,
#   Qiskit의 `PauliEvolutionGate`와 그 `LieTrotter`, `SuzukiTrotter` 합성으로도 만듭니다.
# - 이런 **곱 공식**(product formula)의 오차를 정확히 재고, 단계 수 $r$에 따라 오차가 어떻게
#   줄어드는지 찾습니다. 리-트로터는 $1/r$, 2차 스즈키는 $1/r^2$입니다.
# - 자기장을 갑자기 바꾼 뒤(**급랭**, quench) 사슬의 **자화**(magnetisation)를 모듈 10의
#   **Estimator** 프리미티브로 계산합니다.

# %%
import matplotlib.pyplot as plt
from qiskit.circuit.library import PauliEvolutionGate
from qiskit.primitives import StatevectorEstimator
from qiskit.quantum_info import SparsePauliOp
from qiskit.synthesis import LieTrotter, SuzukiTrotter
from scipy.linalg import expm

# %% [markdown] lang="en"
# ## 1. The transverse-field Ising chain and its exact evolution
#
# $n$ spins on a line (open ends), each a qubit. Neighbours want to align along $z$ (coupling
# $J > 0$), and a transverse field $h$ along $x$ flips them:
#
# $$H = -J \sum_{i=0}^{n-2} Z_i Z_{i+1} \;-\; h \sum_{i=0}^{n-1} X_i .$$
#
# For $h = 0$ the ground states are all-up $|00\dots0\rangle$ and all-down; for $h \gg J$ every
# spin points along $+x$. At $h = J$ the infinite chain has a quantum phase transition. The
# **magnetisation** $m = \frac1n \sum_i \langle Z_i\rangle$ tells the phases apart.
#
# Time evolution is the unitary $U(t) = e^{-iHt}$ (units with $\hbar = 1$). For a few qubits we
# can exponentiate the $2^n \times 2^n$ matrix with `scipy.linalg.expm`; that is our exact
# reference throughout the module, and it is exactly what becomes impossible at 50 qubits.
#
# Qiskit represents $e^{-iHt}$ as a gate: `PauliEvolutionGate(H, time=t)`. Its **matrix** is the
# exact exponential, but a quantum computer cannot run a matrix: when the circuit is transpiled,
# the gate is **synthesised** into ordinary gates by a product formula (section 2), by default a
# single Lie-Trotter step. `Operator(circuit)` would show you the exact matrix and hide that
# approximation; `circuit.decompose()` shows the gates that really run.

# %% [markdown] lang="ko"
# ## 1. 횡자기장 이징 사슬과 그 정확한 진화
#
# 양 끝이 열린 직선 위에 스핀 $n$개가 있고, 각 스핀은 큐비트 하나입니다. 이웃한 스핀은 $z$ 방향으로
# 나란하려 하고(결합 세기 $J > 0$), $x$ 방향의 횡자기장 $h$가 스핀을 뒤집습니다.
#
# $$H = -J \sum_{i=0}^{n-2} Z_i Z_{i+1} \;-\; h \sum_{i=0}^{n-1} X_i$$
#
# $h = 0$이면 바닥 상태는 모두 위를 향한 $|00\dots0\rangle$과 모두 아래를 향한 상태이고, $h \gg J$이면
# 모든 스핀이 $+x$ 방향을 향합니다. 무한히 긴 사슬은 $h = J$에서 양자 상전이(quantum phase
# transition)를 겪습니다. **자화** $m = \frac1n \sum_i \langle Z_i\rangle$로 두 상을 구별합니다.
#
# 시간 진화는 유니터리 $U(t) = e^{-iHt}$입니다($\hbar = 1$인 단위). 큐비트가 몇 개뿐이면
# `scipy.linalg.expm`으로 $2^n \times 2^n$ 행렬의 지수를 계산할 수 있습니다. 이것이 이 모듈 내내 쓰는
# 정확한 기준값이며, 큐비트 50개에서는 바로 이것이 불가능해집니다.
#
# Qiskit은 $e^{-iHt}$를 게이트 `PauliEvolutionGate(H, time=t)`로 나타냅니다. 이 게이트의 **행렬**은
# 정확한 지수 연산자이지만, 양자 컴퓨터는 행렬을 실행할 수 없습니다. 회로를 트랜스파일하면 이
# 게이트는 곱 공식(2절)으로 보통의 게이트들로 **합성**(synthesis)되며, 기본값은 리-트로터 한
# 단계입니다. `Operator(circuit)`는 정확한 행렬을 보여 주어 그 근사를 가리고,
# `circuit.decompose()`는 실제로 실행되는 게이트를 보여 줍니다.

# %%
two_spins = SparsePauliOp.from_list([("ZZ", -1.0), ("IX", -0.5), ("XI", -0.5)])  # J = 1, h = 0.5
print(two_spins)
print(np.round(np.linalg.eigvalsh(two_spins.to_matrix()), 4))

t = 0.8
exact = expm(-1j * t * two_spins.to_matrix())
evolution = QuantumCircuit(2)
evolution.append(PauliEvolutionGate(two_spins, time=t), [0, 1])
one_step = evolution.decompose()  # default synthesis: one Lie-Trotter step
print(one_step.count_ops())
print(np.linalg.norm(Operator(one_step).data - exact, 2))  # the approximation's error
one_step.draw("mpl")

# %% exercise="tfim_hamiltonian"

# %% [markdown] lang="en"
# ## 2. Trotterisation
#
# Split $H = A + B$ with $A = -J\sum Z_iZ_{i+1}$ and $B = -h\sum X_i$. All terms of $A$ commute with
# each other, and so do those of $B$, so $e^{-iA\,\delta}$ and $e^{-iB\,\delta}$ are easy: a layer
# of two-qubit $ZZ$ rotations and a layer of $X$ rotations. But $A$ and $B$ do not commute, so
# $e^{-i(A+B)t} \ne e^{-iBt}e^{-iAt}$. The **Lie-Trotter** product formula cuts the time into $r$
# small steps $\delta = t/r$:
#
# $$e^{-iHt} \approx \big(e^{-iB\delta}\,e^{-iA\delta}\big)^r ,$$
#
# and the error of each step is $\tfrac{\delta^2}{2}\,\|[A, B]\| + O(\delta^3)$, so after $r$
# steps about $\tfrac{t^2}{2r}\|[A,B]\|$: halving the step halves the error.
#
# With Qiskit's rotation gates, $R_{ZZ}(\theta) = e^{-i\theta\, ZZ/2}$ and
# $R_X(\theta) = e^{-i\theta X/2}$. So $e^{+iJ\delta\, Z_iZ_{i+1}} = R_{ZZ}(-2J\delta)$ and
# $e^{+ih\delta X_i} = R_X(-2h\delta)$: mind the factor 2 and the minus sign of $H$.

# %% [markdown] lang="ko"
# ## 2. 트로터 분해
#
# $H = A + B$로 나누되 $A = -J\sum Z_iZ_{i+1}$, $B = -h\sum X_i$로 둡니다. $A$의 항들은 서로 교환하고
# $B$의 항들도 그렇기 때문에, $e^{-iA\,\delta}$와 $e^{-iB\,\delta}$는 쉽습니다. 두 큐비트 $ZZ$ 회전의
# 층 하나와 $X$ 회전의 층 하나입니다. 그러나 $A$와 $B$는 교환하지 않으므로
# $e^{-i(A+B)t} \ne e^{-iBt}e^{-iAt}$입니다. **리-트로터**(Lie-Trotter) 곱 공식은 시간을 작은 단계
# $\delta = t/r$ $r$개로 자릅니다.
#
# $$e^{-iHt} \approx \big(e^{-iB\delta}\,e^{-iA\delta}\big)^r$$
#
# 단계마다의 오차는 $\tfrac{\delta^2}{2}\,\|[A, B]\| + O(\delta^3)$이므로, $r$단계 뒤에는 약
# $\tfrac{t^2}{2r}\|[A,B]\|$입니다. 단계 크기를 절반으로 줄이면 오차도 절반이 됩니다.
#
# Qiskit의 회전 게이트로는 $R_{ZZ}(\theta) = e^{-i\theta\, ZZ/2}$, $R_X(\theta) = e^{-i\theta X/2}$
# 입니다. 따라서 $e^{+iJ\delta\, Z_iZ_{i+1}} = R_{ZZ}(-2J\delta)$이고 $e^{+ih\delta X_i} = R_X(-2h\delta)$
# 입니다. 인수 2와 $H$의 음의 부호에 주의하세요.

# %%
theta = 0.37
zz = np.kron(np.diag([1, -1]), np.diag([1, -1]))
rzz_gate = QuantumCircuit(2)
rzz_gate.rzz(theta, 0, 1)
# R_ZZ(theta) = e^{-i theta ZZ/2}
print(np.allclose(Operator(rzz_gate).data, expm(-1j * theta / 2 * zz)))

# %% exercise="trotter_step"

# %% [markdown] lang="en"
# ### Higher order: Suzuki's symmetric formula
#
# Making each step symmetric cancels the $\delta^2$ error term:
#
# $$S_2(\delta) = e^{-iA\delta/2}\, e^{-iB\delta}\, e^{-iA\delta/2}, \qquad
#   e^{-iHt} \approx S_2(t/r)^r ,$$
#
# with an error of order $t^3/r^2$. For an operator with many terms $H = \sum_k H_k$ in a fixed
# order, Qiskit's `SuzukiTrotter(order=2, reps=r)` uses
# $S_2(\delta) = \prod_{k=1}^{m} e^{-iH_k\delta/2} \prod_{k=m}^{1} e^{-iH_k\delta/2}$ (forwards
# with half steps, then backwards), and `LieTrotter(reps=r)` uses
# $\prod_{k=1}^{m} e^{-iH_k\delta}$, each term in the order of the `SparsePauliOp`. The cost per
# step is about the same (the two middle half-steps merge), so the second order is almost always
# the better deal. Suzuki's recursion gives orders 4, 6, ...; they pay off only for very small
# errors.
#
# The cell below measures the operator-norm error $\|U_{\text{formula}} - e^{-iHt}\|$ (the largest
# singular value, `np.linalg.norm(M, 2)`) for a small two-qubit Hamiltonian. The norm does not
# depend on any input state: it bounds the error of every state the circuit could act on. Note
# `.decompose()`: without it, `Operator` would see the exact matrix and report no error at all.

# %% [markdown] lang="ko"
# ### 더 높은 차수: 스즈키의 대칭 공식
#
# 각 단계를 대칭으로 만들면 $\delta^2$ 오차 항이 사라집니다.
#
# $$S_2(\delta) = e^{-iA\delta/2}\, e^{-iB\delta}\, e^{-iA\delta/2}, \qquad
#   e^{-iHt} \approx S_2(t/r)^r$$
#
# 오차는 $t^3/r^2$ 차수입니다. 항이 많은 연산자 $H = \sum_k H_k$를 정해진 순서로 쓸 때, Qiskit의
# `SuzukiTrotter(order=2, reps=r)`는 $S_2(\delta) = \prod_{k=1}^{m} e^{-iH_k\delta/2}
# \prod_{k=m}^{1} e^{-iH_k\delta/2}$(반 단계씩 앞으로, 그다음 거꾸로)를 쓰고, `LieTrotter(reps=r)`는
# $\prod_{k=1}^{m} e^{-iH_k\delta}$를 씁니다. 어느 쪽이든 각 항은 `SparsePauliOp`의 순서를 따릅니다.
# 단계당 비용은 거의 같으므로(가운데의 두 반 단계가 합쳐짐) 거의 언제나 2차가 더 이득입니다. 스즈키의
# 재귀 공식은 4차, 6차, ...도 주지만, 오차가 아주 작아야 할 때에만 값어치를 합니다.
#
# 아래 셀은 작은 두 큐비트 해밀토니안에 대해 연산자 노름 오차 $\|U_{\text{공식}} - e^{-iHt}\|$(가장
# 큰 특잇값, `np.linalg.norm(M, 2)`)를 잽니다. 이 노름은 입력 상태에 의존하지 않으며, 회로가 작용할
# 수 있는 모든 상태의 오차를 위에서 누릅니다. `.decompose()`에 주의하세요. 그것이 없으면 `Operator`가
# 정확한 행렬을 보고 오차가 전혀 없다고 알려 줍니다.

# %%
demo = SparsePauliOp.from_list([("XX", 1.0), ("ZI", 0.6), ("IZ", -0.4)])
t = 1.0
exact = expm(-1j * t * demo.to_matrix())
steps = [2, 4, 8, 16, 32]
errors = {}
for name, formula in (("Lie-Trotter", LieTrotter), ("Suzuki-2", SuzukiTrotter)):
    errors[name] = []
    for r in steps:
        qc = QuantumCircuit(2)
        qc.append(PauliEvolutionGate(demo, time=t, synthesis=formula(reps=r)), [0, 1])
        errors[name].append(np.linalg.norm(Operator(qc.decompose()).data - exact, 2))
    print(name, np.round(errors[name], 6))

fig, ax = plt.subplots(figsize=(5, 3.5))
for name, values in errors.items():
    ax.loglog(steps, values, "o-", label=name)
ax.set_xlabel("r")
ax.set_ylabel("||U_r - exp(-iHt)||")
ax.legend()
plt.show()

# %% [markdown] lang="en"
# On a log-log plot a power law $\varepsilon \approx C\, r^{-p}$ is a straight line of slope $-p$.
# A least-squares line through $(\log r, \log \varepsilon)$, `np.polyfit(np.log(r), np.log(err), 1)`,
# gives the slope as its first coefficient. The exercises below compute these errors and slopes
# for the Ising chain, and then turn them around: how many steps does a given accuracy need?

# %% [markdown] lang="ko"
# 로그-로그 그래프에서 거듭제곱 법칙 $\varepsilon \approx C\, r^{-p}$는 기울기가 $-p$인 직선입니다.
# $(\log r, \log \varepsilon)$을 지나는 최소제곱 직선 `np.polyfit(np.log(r), np.log(err), 1)`의 첫
# 번째 계수가 그 기울기입니다. 아래 연습 문제에서는 이징 사슬에 대해 이 오차와 기울기를 계산하고,
# 거꾸로 주어진 정확도에 몇 단계가 필요한지도 구합니다.

# %% exercise="suzuki_circuit"

# %% exercise="trotter_error"

# %% exercise="error_exponent"

# %% exercise="steps_for_accuracy"

# %% [markdown] lang="en"
# ## 3. Magnetisation after a quench, with the Estimator
#
# Prepare all spins up, $|0000\rangle$ ($m = 1$, the ground state for $h = 0$), and suddenly switch
# on the field $h = J$. The state is no longer an eigenstate and the magnetisation
# $m(t) = \frac1n\sum_i \langle\psi(t)|Z_i|\psi(t)\rangle$ oscillates and decays. On hardware
# $\langle Z_i\rangle$ is estimated from measurements; in Qiskit this is the job of the
# **Estimator** primitive (module 10): one PUB `(circuit, observable)` per time, all in one run.
# Here the reference implementation `StatevectorEstimator` computes exact expectation values of
# the circuits we give it. We give it the **decomposed** Trotter circuits, so we see the product
# formula's error, and compare with the exact evolution.

# %% [markdown] lang="ko"
# ## 3. 급랭 뒤의 자화를 Estimator로 구하기
#
# 모든 스핀을 위로 향하게 $|0000\rangle$로 준비하고($m = 1$, $h = 0$일 때의 바닥 상태), 갑자기
# 자기장 $h = J$를 켭니다. 이제 상태는 고유 상태가 아니므로 자화
# $m(t) = \frac1n\sum_i \langle\psi(t)|Z_i|\psi(t)\rangle$가 진동하며 줄어듭니다. 하드웨어에서는
# $\langle Z_i\rangle$를 측정으로 추정하며, Qiskit에서 그것은 **Estimator** 프리미티브(모듈 10)의
# 일입니다. 시간마다 PUB `(circuit, observable)` 하나씩을 만들어 한 번에 실행합니다. 여기서는 참조
# 구현인 `StatevectorEstimator`가 주어진 회로의 정확한 기댓값을 계산합니다. **분해한** 트로터 회로를
# 주므로 곱 공식의 오차가 보이며, 이를 정확한 진화와 비교합니다.

# %%
n = 4
chain = SparsePauliOp.from_sparse_list(
    [("ZZ", [i, i + 1], -1.0) for i in range(n - 1)] + [("X", [i], -1.0) for i in range(n)],
    num_qubits=n,
)
average_z = SparsePauliOp.from_sparse_list([("Z", [i], 1 / n) for i in range(n)], num_qubits=n)
times = np.linspace(0, 3, 13)

start = np.zeros(2**n)
start[0] = 1.0
exact_m = [
    float(np.real(np.vdot(psi, average_z.to_matrix() @ psi)))
    for psi in (expm(-1j * tau * chain.to_matrix()) @ start for tau in times)
]

estimator = StatevectorEstimator()
curves = {}
for reps in (1, 8):
    pubs = []
    for tau in times:
        qc = QuantumCircuit(n)
        qc.append(PauliEvolutionGate(chain, time=tau, synthesis=SuzukiTrotter(reps=reps)), range(n))
        pubs.append((qc.decompose(), average_z))
    curves[reps] = [float(res.data.evs) for res in estimator.run(pubs).result()]

fig, ax = plt.subplots(figsize=(5.5, 3.5))
ax.plot(times, exact_m, "k-", label=r"$e^{-iHt}$")
for reps, values in curves.items():
    ax.plot(times, values, "o--", label=f"$S_2$, r = {reps}")
ax.set_xlabel("t")
ax.set_ylabel("m(t)")
ax.legend()
plt.show()
print(np.round(np.max(np.abs(np.array(curves[8]) - exact_m)), 4))

# %% [markdown] lang="en"
# One step per time is far off at late times; eight steps follow the exact curve closely. The
# longer the simulated time, the more steps, and so the deeper the circuit: on hardware, noise
# grows with depth, so the number of steps is always a compromise between Trotter error and
# hardware error. IBM's 2023 experiment ran up to 20 Trotter steps (60 layers, 2,880 two-qubit
# gates) of a kicked Ising model on 127 qubits and used error mitigation (module 14) to get
# usable expectation values.

# %% [markdown] lang="ko"
# 시간마다 한 단계만 쓰면 늦은 시간에 크게 어긋나고, 여덟 단계면 정확한 곡선을 잘 따라갑니다. 시뮬레이션할
# 시간이 길수록 단계가 더 필요하고, 그만큼 회로가 깊어집니다. 하드웨어에서는 잡음이 깊이와 함께
# 커지므로, 단계 수는 언제나 트로터 오차와 하드웨어 오차 사이의 타협입니다. IBM의 2023년 실험은
# 127개 큐비트에서 걷어차인 이징 모형(kicked Ising model)의 트로터 단계 최대 20개(60층, 두 큐비트 게이트
# 2,880개)를 실행했고, 쓸 만한 기댓값을 얻기 위해 오류 완화(모듈 14)를 사용했습니다.

# %% exercise="magnetization"

# %% [markdown] lang="en"
# ## Summary
#
# - The TFIM $H = -J\sum Z_iZ_{i+1} - h\sum X_i$ is a `SparsePauliOp`; for a few qubits
#   `expm(-1j * t * H.to_matrix())` is the exact evolution.
# - `PauliEvolutionGate(H, t, synthesis=...)` is $e^{-iHt}$ as a gate; its matrix is exact, its
#   circuit (`.decompose()`) is a product formula.
# - One Lie-Trotter step: `rzz(-2*J*dt)` on every bond, then `rx(-2*h*dt)` on every qubit.
# - Operator-norm errors: Lie-Trotter $\propto t^2/r$, second-order Suzuki $\propto t^3/r^2$; the
#   log-log slopes are $-1$ and $-2$.
# - The Estimator computes $\langle Z_i\rangle$ for many circuits in one run; more Trotter steps
#   mean less Trotter error but deeper circuits.

# %% [markdown] lang="ko"
# ## 정리
#
# - TFIM $H = -J\sum Z_iZ_{i+1} - h\sum X_i$는 `SparsePauliOp`입니다. 큐비트가 몇 개일 때는
#   `expm(-1j * t * H.to_matrix())`가 정확한 진화입니다.
# - `PauliEvolutionGate(H, t, synthesis=...)`는 $e^{-iHt}$를 나타내는 게이트입니다. 그 행렬은
#   정확하고, 그 회로(`.decompose()`)는 곱 공식입니다.
# - 리-트로터 한 단계: 모든 결합에 `rzz(-2*J*dt)`, 그다음 모든 큐비트에 `rx(-2*h*dt)`.
# - 연산자 노름 오차: 리-트로터는 $t^2/r$에, 2차 스즈키는 $t^3/r^2$에 비례하며, 로그-로그 기울기는
#   $-1$과 $-2$입니다.
# - Estimator는 여러 회로의 $\langle Z_i\rangle$를 한 번에 계산합니다. 트로터 단계가 많을수록 트로터
#   오차는 줄지만 회로는 깊어집니다.
