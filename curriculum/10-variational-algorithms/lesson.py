# %% [markdown] lang="en"
# # Variational algorithms with Qiskit primitives
#
# Today's quantum computers are small and noisy: long circuits such as phase estimation are out of
# reach. **Variational algorithms** split the work: a short parameterized circuit prepares a trial
# state on the quantum computer, and a classical optimizer tunes its parameters. The two best
# known are the **variational quantum eigensolver** (VQE), which looks for the lowest energy of a
# molecule, and the **quantum approximate optimization algorithm** (QAOA), which looks for good
# solutions of combinatorial problems. In this module you will
#
# - build parameterized circuits (ansätze) and bind values to them;
# - write a Hamiltonian as a sum of Pauli terms and diagonalize it exactly;
# - compute energies with the **Estimator** primitive and samples with the **Sampler** primitive;
# - run VQE for the hydrogen molecule H$_2$ and see why the optimizer and starting point matter;
# - encode MaxCut as a Hamiltonian, build the QAOA circuit and read the best cut from samples.

# %% [markdown] lang="ko"
# # Qiskit 프리미티브로 구현하는 변분 알고리즘
#
# 오늘날의 양자 컴퓨터는 작고 잡음이 많아서, 위상 추정처럼 긴 회로는 아직 실행하기 어렵습니다.
# **변분 알고리즘**(variational algorithm)은 일을 나눕니다. 양자 컴퓨터에서는 짧은 매개변수 회로가
# 시험 상태를 준비하고, 고전 최적화기가 그 매개변수를 조정합니다. 가장 잘 알려진 두 가지는 분자의
# 가장 낮은 에너지를 찾는 **변분 양자 고유값 풀이기**(variational quantum eigensolver, VQE)와,
# 조합 최적화 문제의 좋은 해를 찾는 **양자 근사 최적화 알고리즘**(quantum approximate optimization
# algorithm, QAOA)입니다. 이 모듈에서는 다음을 합니다.
#
# - 매개변수 회로(안자츠, ansatz)를 만들고 값을 묶습니다.
# - 해밀토니안을 파울리 항의 합으로 쓰고 정확히 대각화합니다.
# - **Estimator** 프리미티브로 에너지를, **Sampler** 프리미티브로 표본을 구합니다.
# - 수소 분자 H$_2$에 대해 VQE를 실행하고, 최적화기와 출발점이 왜 중요한지 봅니다.
# - MaxCut을 해밀토니안으로 표현하고, QAOA 회로를 만들고, 표본에서 최선의 자름을 읽어 냅니다.

# %%
import matplotlib.pyplot as plt
from qiskit import transpile
from qiskit.circuit import Parameter, ParameterVector
from qiskit.circuit.library import PauliEvolutionGate, real_amplitudes
from qiskit.quantum_info import SparsePauliOp
from qiskit.visualization import plot_histogram
from qiskit_aer.primitives import EstimatorV2, SamplerV2
from scipy.optimize import minimize

# %% [markdown] lang="en"
# ## 1. Parameterized circuits
#
# A gate angle need not be a number: it can be a symbolic `Parameter`. A circuit with parameters
# is a whole family of circuits, one per choice of values; in variational algorithms it is called
# an **ansatz** (German for "approach", plural ansätze). A `ParameterVector("θ", k)` creates $k$
# parameters $\theta_0, \dots, \theta_{k-1}$ at once. `circuit.parameters` lists them in a fixed
# order (vector elements by index), and `circuit.assign_parameters(values)` binds values in that
# order and returns an ordinary circuit.
#
# A typical **hardware-efficient** ansatz alternates layers of single-qubit rotations with a
# chain of CNOTs. With only $R_Y$ rotations every amplitude stays real, which is enough for
# ground states of real Hamiltonians such as H$_2$'s.

# %% [markdown] lang="ko"
# ## 1. 매개변수 회로
#
# 게이트의 각도가 꼭 숫자일 필요는 없습니다. 기호로 된 `Parameter`일 수도 있습니다. 매개변수가
# 있는 회로는 값을 고를 때마다 하나씩 생기는 회로들의 모임이며, 변분 알고리즘에서는 이를
# **안자츠**(ansatz, 독일어로 "접근"이라는 뜻)라고 부릅니다. `ParameterVector("θ", k)`는 매개변수
# $\theta_0, \dots, \theta_{k-1}$ $k$개를 한꺼번에 만듭니다. `circuit.parameters`는 매개변수를 정해진
# 순서(벡터 원소는 인덱스 순)로 나열하고, `circuit.assign_parameters(values)`는 그 순서대로 값을
# 묶어 보통의 회로를 돌려줍니다.
#
# 전형적인 **하드웨어 효율적**(hardware-efficient) 안자츠는 단일 큐비트 회전 층과 CNOT 사슬을
# 번갈아 놓습니다. $R_Y$ 회전만 쓰면 모든 진폭이 실수로 남는데, H$_2$처럼 실수 해밀토니안의 바닥
# 상태에는 이것으로 충분합니다.

# %%
phi = Parameter("φ")
family = QuantumCircuit(1)
family.ry(phi, 0)
print(family.parameters)
for value in (0.0, np.pi / 2, np.pi):
    print(value, np.round(Statevector(family.assign_parameters([value])).data, 3))

# %%
theta = ParameterVector("θ", 4)
two_layer = QuantumCircuit(2)
two_layer.ry(theta[0], 0)
two_layer.ry(theta[1], 1)
two_layer.cx(0, 1)
two_layer.ry(theta[2], 0)
two_layer.ry(theta[3], 1)
print(two_layer.num_parameters, list(two_layer.parameters))
two_layer.draw("mpl")

# %% exercise="ry_ansatz"

# %% [markdown] lang="en"
# ## 2. Hamiltonians as sums of Pauli terms
#
# An observable on $n$ qubits can always be written as a real combination of Pauli strings,
# $H = \sum_k c_k P_k$ with $P_k \in \{I, X, Y, Z\}^{\otimes n}$. Qiskit stores it as a
# `SparsePauliOp`; labels follow Qiskit's order, so in `"IZ"` the $Z$ acts on qubit 0 (the
# rightmost letter).
#
# Quantum chemistry software turns the electronic Hamiltonian of a molecule into such a sum. For
# the hydrogen molecule at bond length 0.735 Å, in the minimal STO-3G basis, with the parity
# mapping and two-qubit reduction, it is (in hartree, Ha)
#
# | term | coefficient |
# |---|---|
# | $II$ | $-1.052373245772859$ |
# | $IZ$ | $+0.39793742484318045$ |
# | $ZI$ | $-0.39793742484318045$ |
# | $ZZ$ | $-0.01128010425623538$ |
# | $XX$ | $+0.18093119978423156$ |
#
# (electronic energy only; the nuclear repulsion, about $+0.7199$ Ha, is a constant we leave
# out). For a few qubits the exact answer is one call away: the smallest eigenvalue of the
# $2^n \times 2^n$ matrix. VQE is meant for molecules where that matrix is far too large, but on
# H$_2$ we can grade VQE against the exact value.

# %% [markdown] lang="ko"
# ## 2. 파울리 항의 합으로 쓴 해밀토니안
#
# $n$큐비트 관측량(observable)은 언제나 파울리 문자열의 실수 결합 $H = \sum_k c_k P_k$
# ($P_k \in \{I, X, Y, Z\}^{\otimes n}$)로 쓸 수 있습니다. Qiskit은 이를 `SparsePauliOp`로
# 저장합니다. 레이블은 Qiskit의 순서를 따르므로 `"IZ"`에서 $Z$는 큐비트 0(맨 오른쪽 글자)에
# 작용합니다.
#
# 양자 화학 소프트웨어는 분자의 전자 해밀토니안을 이런 합으로 바꿉니다. 결합 길이 0.735 Å의 수소
# 분자는, 최소 기저 STO-3G에서 패리티 사상(parity mapping)과 두 큐비트 축소(two-qubit reduction)를
# 적용하면 다음과 같습니다(단위는 하트리, Ha).
#
# | 항 | 계수 |
# |---|---|
# | $II$ | $-1.052373245772859$ |
# | $IZ$ | $+0.39793742484318045$ |
# | $ZI$ | $-0.39793742484318045$ |
# | $ZZ$ | $-0.01128010425623538$ |
# | $XX$ | $+0.18093119978423156$ |
#
# (전자 에너지만이며, 약 $+0.7199$ Ha인 핵 반발 에너지는 상수이므로 뺐습니다.) 큐비트가 몇 개뿐이면
# 정확한 답은 함수 호출 한 번이면 됩니다. $2^n \times 2^n$ 행렬의 가장 작은 고윳값입니다. VQE는 그
# 행렬이 너무 커서 다룰 수 없는 분자를 위한 방법이지만, H$_2$에서는 VQE 결과를 정확한 값과 비교해
# 채점할 수 있습니다.

# %%
h2 = SparsePauliOp.from_list(
    [
        ("II", -1.052373245772859),
        ("IZ", 0.39793742484318045),
        ("ZI", -0.39793742484318045),
        ("ZZ", -0.01128010425623538),
        ("XX", 0.18093119978423156),
    ]
)
print(np.round(h2.to_matrix().real, 4))
eigenvalues, eigenvectors = np.linalg.eigh(h2.to_matrix())
print(eigenvalues)  # the first one is the ground energy
print(np.round(eigenvectors[:, 0].real, 4))  # mostly |01>, a little |10>

# %% [markdown] lang="en"
# The ground state $\approx 0.994|01\rangle - 0.112|10\rangle$ is entangled: an ansatz without
# CNOTs could not prepare it. The **variational principle** says that for every state
# $|\psi\rangle$, $\langle\psi|H|\psi\rangle \ge E_0$, the ground energy; so the lower the energy
# we find, the closer we are.

# %% [markdown] lang="ko"
# 바닥 상태 $\approx 0.994|01\rangle - 0.112|10\rangle$는 얽혀 있으므로, CNOT이 없는 안자츠로는
# 준비할 수 없습니다. **변분 원리**(variational principle)에 따르면 모든 상태 $|\psi\rangle$에
# 대해 $\langle\psi|H|\psi\rangle \ge E_0$(바닥 에너지)입니다. 그러니 찾은 에너지가 낮을수록 답에
# 가까운 것입니다.

# %% exercise="ground_energy"

# %% [markdown] lang="en"
# ## 3. The Estimator primitive
#
# Qiskit's **primitives** are the two standard ways to ask a quantum computer something:
#
# - the **Estimator** returns expectation values $\langle\psi|O|\psi\rangle$ of observables;
# - the **Sampler** returns measured bitstrings (counts).
#
# Both take a list of **PUBs** (primitive unified blocs). An Estimator PUB is
# `(circuit, observables, parameter_values)`; the result of PUB $k$ is `result[k]`, and its
# `data.evs` holds the expectation values. `parameter_values` may be one set of values or an array
# of many sets: the Estimator then returns one value per set, in a single call.
#
# Here we use Aer's implementations, `qiskit_aer.primitives.EstimatorV2` and `SamplerV2`, which
# run on your laptop. Aer's Estimator computes the exact expectation value when the precision is
# 0 (its default); with `precision=p > 0` it adds Gaussian noise of standard deviation $p$, as a
# stand-in for shot noise, drawn from a generator seeded by `seed_simulator`. The same code runs on
# IBM hardware with the runtime's primitives.

# %% [markdown] lang="ko"
# ## 3. Estimator 프리미티브
#
# Qiskit의 **프리미티브**(primitive)는 양자 컴퓨터에 무언가를 묻는 두 가지 표준 방법입니다.
#
# - **Estimator**는 관측량의 기댓값 $\langle\psi|O|\psi\rangle$를 돌려줍니다.
# - **Sampler**는 측정된 비트열(집계)을 돌려줍니다.
#
# 둘 다 **PUB**(primitive unified bloc)의 목록을 받습니다. Estimator의 PUB는
# `(circuit, observables, parameter_values)`이고, PUB $k$의 결과는 `result[k]`이며 그
# `data.evs`에 기댓값이 들어 있습니다. `parameter_values`는 값 한 묶음일 수도, 여러 묶음의 배열일
# 수도 있습니다. 여러 묶음이면 Estimator가 호출 한 번에 묶음마다 값 하나씩을 돌려줍니다.
#
# 여기서는 노트북 컴퓨터에서 실행되는 Aer의 구현 `qiskit_aer.primitives.EstimatorV2`와
# `SamplerV2`를 씁니다. Aer의 Estimator는 정밀도(precision)가 0(기본값)이면 정확한 기댓값을
# 계산합니다. `precision=p > 0`이면 측정 잡음을 흉내 내어 표준편차 $p$인 가우스 잡음을 더하는데,
# 이 잡음은 `seed_simulator`로 시드를 정한 난수 생성기에서 나옵니다. 같은 코드가 IBM 하드웨어에서도
# 런타임의 프리미티브로 그대로 실행됩니다.

# %%
ansatz = real_amplitudes(2, reps=1, entanglement="linear")
estimator = EstimatorV2()
point = [0.0, 0.0, 0.0, 0.0]  # |00>
exact_result = estimator.run([(ansatz, h2, point)]).result()
print(float(exact_result[0].data.evs))  # II + IZ - ZI ... at |00>

noisy_estimator = EstimatorV2(options={"run_options": {"seed_simulator": 7}})
noisy = noisy_estimator.run([(ansatz, h2, point)], precision=0.01).result()
print(float(noisy[0].data.evs), float(noisy[0].data.stds))
ansatz.draw("mpl")

# %% [markdown] lang="en"
# One PUB with an array of parameter values sweeps a whole curve at once. Below, only $\theta_1$
# (the first rotation of qubit 1) varies. Look at the numbers: the minimum of this
# one-parameter slice is not the ground energy, because one angle cannot create the
# entanglement the ground state needs.

# %% [markdown] lang="ko"
# 매개변수 값의 배열을 담은 PUB 하나로 곡선 전체를 한 번에 훑을 수 있습니다. 아래에서는
# $\theta_1$(큐비트 1의 첫 회전)만 바꿉니다. 숫자를 보면 이 한 매개변수 단면의 최솟값은 바닥
# 에너지가 아닙니다. 각도 하나로는 바닥 상태에 필요한 얽힘을 만들 수 없기 때문입니다.

# %%
angles = np.linspace(-np.pi, np.pi, 41)
sweep = np.zeros((len(angles), 4))
sweep[:, 1] = angles
energies = estimator.run([(ansatz, h2, sweep)]).result()[0].data.evs
print(round(float(energies.min()), 4), round(float(eigenvalues[0]), 4))
fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(angles, energies, label="E(θ₁)")
ax.axhline(eigenvalues[0], color="gray", linestyle="--", label="E₀")
ax.set_xlabel("θ₁")
ax.set_ylabel("E (Ha)")
ax.legend()
plt.show()

# %% exercise="estimate_energy"

# %% [markdown] lang="en"
# ## 4. The VQE loop and the choice of optimizer
#
# VQE is a loop: the classical optimizer proposes $\theta$, the Estimator returns $E(\theta)$,
# and the optimizer proposes a better $\theta$, until it converges. `scipy.optimize.minimize`
# provides the optimizer; the cost function just runs one Estimator PUB.
#
# The optimizer matters, and so does the starting point:
#
# - **COBYLA** and **Nelder–Mead** use only function values (derivative-free). COBYLA usually needs
#   few evaluations for a handful of parameters; Nelder–Mead needs many more.
# - **SLSQP**, **BFGS** and other gradient-based methods estimate the gradient and follow it
#   downhill. They stop wherever the gradient vanishes, and that need not be a minimum. At
#   $\theta = 0$ our ansatz prepares $|00\rangle$, and $H$ couples $|00\rangle$ to one other basis
#   state only, $|11\rangle$ (through its $XX$ term). Only $\theta_0$, followed by the CNOT, mixes
#   in $|11\rangle$, so only $\theta_0$ changes the energy to first order: the gradient at 0 has
#   one non-zero component, the one along $\theta_0$. These methods slide along $\theta_0$ to
#   $\theta \approx (-\pi/2, 0, 0, 0)$, which prepares the Bell state
#   $|\Phi^-\rangle = (|00\rangle - |11\rangle)/\sqrt2$. $|\Phi^-\rangle$ is an *excited*
#   eigenstate of $H$, so every first derivative vanishes there, yet the energy still goes down
#   in other directions: a **saddle point**, where they stop.
# - On hardware, energies carry shot noise; noise-tolerant methods such as SPSA are then common.
#
# For reproducible results always fix the initial point (and the seeds of anything random).

# %% [markdown] lang="ko"
# ## 4. VQE 반복과 최적화기 선택
#
# VQE는 반복 과정입니다. 고전 최적화기가 $\theta$를 제안하면 Estimator가 $E(\theta)$를 돌려주고,
# 최적화기는 수렴할 때까지 더 나은 $\theta$를 제안합니다. 최적화기는 `scipy.optimize.minimize`가
# 제공하고, 비용 함수는 Estimator PUB 하나를 실행할 뿐입니다.
#
# 최적화기도, 출발점도 중요합니다.
#
# - **COBYLA**와 **넬더-미드**(Nelder–Mead)는 함숫값만 씁니다(도함수 없는 방법). 매개변수가 몇
#   개뿐이면 COBYLA는 보통 적은 횟수로 끝나고, 넬더-미드는 훨씬 많은 평가가 필요합니다.
# - **SLSQP**, **BFGS** 같은 기울기 기반 방법은 기울기를 추정해 내리막을 따라갑니다. 이런 방법은
#   기울기가 0인 곳이면 어디서든 멈추는데, 그곳이 최솟점이라는 보장은 없습니다. $\theta = 0$에서
#   우리 안자츠는 $|00\rangle$을 준비하고, $H$는 $|00\rangle$을 다른 기저 상태 하나, 곧
#   $|11\rangle$과만 ($XX$ 항을 통해) 연결합니다. CNOT 앞의 $\theta_0$만이 $|11\rangle$을 섞어
#   넣으므로 일차 근사에서 에너지를 바꾸는 매개변수는 $\theta_0$뿐입니다. 즉 0에서의 기울기는
#   $\theta_0$ 방향 성분 하나만 0이 아닙니다. 이런 방법은 $\theta_0$을 따라 미끄러져
#   $\theta \approx (-\pi/2, 0, 0, 0)$에 이르는데, 이 점은 벨 상태
#   $|\Phi^-\rangle = (|00\rangle - |11\rangle)/\sqrt2$를 준비합니다. $|\Phi^-\rangle$은 $H$의
#   *들뜬* 고유상태이므로 그곳에서는 일차 도함수가 모두 0이지만, 다른 방향으로는 에너지가 아직
#   내려갑니다. 이런 점이 **안장점**(saddle point)이며, 기울기 기반 방법은 여기서 멈춥니다.
# - 하드웨어에서는 에너지에 측정 잡음이 섞이므로 SPSA처럼 잡음에 강한 방법을 흔히 씁니다.
#
# 결과를 재현할 수 있도록 초기점(그리고 난수를 쓰는 모든 것의 시드)을 항상 고정하세요.


# %%
def energy_at(x):
    return float(estimator.run([(ansatz, h2, x)]).result()[0].data.evs)


# the gradient at theta = 0 by the parameter-shift rule (exact for these rotation gates)
shifts = np.eye(4) * np.pi / 2
gradient = [(energy_at(s) - energy_at(-s)) / 2 for s in shifts]
print(np.round(gradient, 4))

history = {}


def make_cost(name):
    history[name] = []

    def cost(x):
        value = float(estimator.run([(ansatz, h2, x)]).result()[0].data.evs)
        history[name].append(value)
        return value

    return cost


for method in ("COBYLA", "Nelder-Mead", "SLSQP"):
    found = minimize(make_cost(method), np.zeros(4), method=method)
    print(
        method,
        round(float(found.fun), 6),
        "error:",
        f"{found.fun - eigenvalues[0]:.1e}",
        "evaluations:",
        found.nfev,
        "theta:",
        np.round(found.x, 3),
    )

fig, ax = plt.subplots(figsize=(6, 3))
for method, values in history.items():
    ax.plot(values, label=method)
ax.axhline(eigenvalues[0], color="gray", linestyle="--", label="E₀")
ax.set_xlim(0, 150)
ax.set_xlabel("evaluation")
ax.set_ylabel("E (Ha)")
ax.legend()
plt.show()

# %% [markdown] lang="en"
# COBYLA and Nelder–Mead reach the exact energy far below **chemical accuracy** (1.6 mHa, the
# precision at which computed energies predict chemistry), COBYLA with a fraction of the
# evaluations. SLSQP takes the slope along $\theta_0$ and stops at the saddle point
# $\theta \approx (-\pi/2, 0, 0, 0)$: its energy is the second eigenvalue of $H$ (compare with
# `eigenvalues[1]` above), the energy of $|\Phi^-\rangle$, far above the ground energy. Started
# from a generic point, SLSQP converges too; from $\theta = 0$ the symmetry of the starting
# point leads it into the saddle.

# %% [markdown] lang="ko"
# COBYLA와 넬더-미드는 **화학적 정확도**(chemical accuracy, 계산된 에너지로 화학을 예측할 수 있는
# 정밀도인 1.6 mHa)보다 훨씬 가깝게 정확한 에너지에 도달하고, COBYLA는 그중 일부의 평가 횟수만
# 씁니다. SLSQP는 $\theta_0$ 방향의 기울기를 따라가다가 안장점 $\theta \approx (-\pi/2, 0, 0, 0)$에서
# 멈춥니다. 그 에너지는 $H$의 두 번째 고윳값(위의 `eigenvalues[1]`과 비교해 보세요), 곧
# $|\Phi^-\rangle$의 에너지로, 바닥 에너지보다 한참 위입니다. 일반적인 점에서 출발하면 SLSQP도
# 수렴하지만, $\theta = 0$에서 출발하면 출발점의 대칭성 때문에 안장점으로 들어갑니다.

# %% exercise="vqe"

# %% [markdown] lang="en"
# ## 5. MaxCut as a Hamiltonian
#
# **MaxCut**: split the nodes of a graph into two groups so that as many edges as possible join
# the two groups ("are cut"). Write the groups as bits $z_i \in \{0, 1\}$, one qubit per node.
# An edge $(i, j)$ is cut when $z_i \ne z_j$. Since $Z$ has eigenvalue $+1$ on $|0\rangle$ and
# $-1$ on $|1\rangle$, the operator $\tfrac12(I - Z_iZ_j)$ is $1$ on a cut edge and $0$
# otherwise, so
#
# $$C = \sum_{(i,j) \in E} \tfrac12\,(I - Z_i Z_j)$$
#
# is diagonal and its eigenvalue on $|z\rangle$ is the cut value of $z$. The maximum cut is the
# **highest** eigenvalue of $C$. MaxCut is NP-hard in general; for a few nodes we can still list
# all $2^n$ partitions and check our answers.

# %% [markdown] lang="ko"
# ## 5. 해밀토니안으로 표현한 MaxCut
#
# **MaxCut**은 그래프의 노드를 두 무리로 나누되, 두 무리를 잇는(즉 "잘리는") 변이 가능한 한 많도록
# 나누는 문제입니다. 무리를 비트 $z_i \in \{0, 1\}$로 쓰고, 노드마다 큐비트 하나를 씁니다. 변
# $(i, j)$는 $z_i \ne z_j$일 때 잘립니다. $Z$의 고윳값은 $|0\rangle$에서 $+1$, $|1\rangle$에서
# $-1$이므로, 연산자 $\tfrac12(I - Z_iZ_j)$는 잘린 변에서 $1$, 아니면 $0$입니다. 따라서
#
# $$C = \sum_{(i,j) \in E} \tfrac12\,(I - Z_i Z_j)$$
#
# 는 대각 연산자이고 $|z\rangle$에서의 고윳값은 $z$의 자름 값입니다. 최대 자름은 $C$의 **가장 큰**
# 고윳값입니다. MaxCut은 일반적으로 NP-난해하지만, 노드가 몇 개뿐이면 $2^n$가지 분할을 모두 나열해
# 답을 확인할 수 있습니다.

# %%
nodes = 4
edges = [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)]
positions = {0: (0, 1), 1: (1, 1), 2: (1, 0), 3: (0, 0)}


def cut_value(z, graph):
    return sum(((z >> i) & 1) != ((z >> j) & 1) for i, j in graph)


all_cuts = [cut_value(z, edges) for z in range(2**nodes)]
best = max(all_cuts)
print("maximum cut:", best, [format(z, "04b") for z in range(2**nodes) if all_cuts[z] == best])

fig, ax = plt.subplots(figsize=(3, 3))
best_z = all_cuts.index(best)
for i, j in edges:
    (x0, y0), (x1, y1) = positions[i], positions[j]
    ax.plot([x0, x1], [y0, y1], color="red" if cut_value(best_z, [(i, j)]) else "gray")
for node, (x, y) in positions.items():
    ax.scatter(x, y, s=500, color="tab:orange" if (best_z >> node) & 1 else "tab:blue", zorder=2)
    ax.text(x, y, str(node), ha="center", va="center", color="white", zorder=3)
ax.set_axis_off()
plt.show()

# %% exercise="maxcut_hamiltonian"

# %% [markdown] lang="en"
# ## 6. QAOA
#
# QAOA of depth $p$ starts from the uniform superposition $|+\rangle^{\otimes n}$ and alternates
# the **cost** evolution $e^{-i\gamma_k C}$ with the **mixer** evolution $e^{-i\beta_k B}$,
# $B = \sum_q X_q$:
#
# $$|\boldsymbol\gamma, \boldsymbol\beta\rangle = e^{-i\beta_p B} e^{-i\gamma_p C} \cdots e^{-i\beta_1 B} e^{-i\gamma_1 C}\,|+\rangle^{\otimes n}.$$
#
# The $2p$ angles are tuned to make $\langle C\rangle$ large; then sampling the state gives
# partitions with large cuts more often than guessing would. Because all terms of $C$ commute,
# $e^{-i\gamma C}$ is a product of two-qubit $ZZ$ rotations, one per edge; $e^{-i\beta X}$ is a
# single-qubit $X$ rotation.
#
# Qiskit can also build the exponential of any `SparsePauliOp` directly, as a
# `PauliEvolutionGate(operator, time)`. Below we use it, with the time a `Parameter`, to build the
# $p = 1$ circuit and scan the landscape $\langle C\rangle(\gamma, \beta)$ with one Estimator call.

# %% [markdown] lang="ko"
# ## 6. QAOA
#
# 깊이 $p$인 QAOA는 균일 중첩 $|+\rangle^{\otimes n}$에서 출발해 **비용**(cost) 시간 진화
# $e^{-i\gamma_k C}$와 **혼합기**(mixer) 시간 진화 $e^{-i\beta_k B}$($B = \sum_q X_q$)를 번갈아
# 적용합니다.
#
# $$|\boldsymbol\gamma, \boldsymbol\beta\rangle = e^{-i\beta_p B} e^{-i\gamma_p C} \cdots e^{-i\beta_1 B} e^{-i\gamma_1 C}\,|+\rangle^{\otimes n}.$$
#
# 각도 $2p$개를 $\langle C\rangle$가 커지도록 조정한 뒤 이 상태를 표본 추출하면, 무작위로 고를
# 때보다 큰 자름을 주는 분할이 더 자주 나옵니다. $C$의 항들은 모두 교환하므로 $e^{-i\gamma C}$는
# 변마다 하나씩인 2큐비트 $ZZ$ 회전의 곱이고, $e^{-i\beta X}$는 단일 큐비트 $X$ 회전입니다.
#
# Qiskit은 임의의 `SparsePauliOp`의 지수 연산자를 `PauliEvolutionGate(operator, time)`로 바로 만들
# 수도 있습니다. 아래에서는 시간을 `Parameter`로 두고 이것으로 $p = 1$ 회로를 만든 뒤, Estimator
# 호출 한 번으로 지형 $\langle C\rangle(\gamma, \beta)$를 훑어봅니다.

# %%
cost = SparsePauliOp.from_sparse_list(
    [("ZZ", [i, j], -0.5) for i, j in edges] + [("", [], 0.5 * len(edges))], num_qubits=nodes
)
mixer = SparsePauliOp.from_sparse_list([("X", [q], 1.0) for q in range(nodes)], num_qubits=nodes)
gamma, beta = Parameter("γ"), Parameter("β")
qaoa_demo = QuantumCircuit(nodes)
qaoa_demo.h(range(nodes))
# the constant term of C only adds a global phase, so the evolution uses the ZZ terms alone
qaoa_demo.append(
    PauliEvolutionGate(cost - 0.5 * len(edges) * SparsePauliOp("I" * nodes), time=gamma),
    range(nodes),
)
qaoa_demo.append(PauliEvolutionGate(mixer, time=beta), range(nodes))
qaoa_demo = transpile(
    qaoa_demo, basis_gates=["h", "rzz", "rx", "rz", "cx"]
)  # Aer runs gates, not evolutions
print(qaoa_demo.parameters)  # beta comes before gamma (sorted by name)

gammas = np.linspace(0, np.pi, 25)
betas = np.linspace(0, np.pi / 2, 13)
grid = np.array([[[b, g] for g in gammas] for b in betas])  # shape (13, 25, 2): values (β, γ)
landscape = estimator.run([(qaoa_demo, cost, grid)]).result()[0].data.evs
b_best, g_best = np.unravel_index(np.argmax(landscape), landscape.shape)
print(
    "best <C> on the grid:",
    round(float(landscape.max()), 3),
    "at γ, β =",
    gammas[g_best],
    betas[b_best],
)

fig, ax = plt.subplots(figsize=(6, 3))
image = ax.imshow(landscape, origin="lower", aspect="auto", extent=(0, np.pi, 0, np.pi / 2))
ax.set_xlabel("γ")
ax.set_ylabel("β")
fig.colorbar(image, label="<C>")
plt.show()

# %% exercise="qaoa_circuit"

# %% [markdown] lang="en"
# ## 7. The Sampler primitive and the best cut
#
# To get actual partitions we sample. A Sampler PUB is `(circuit, parameter_values, shots)`; the
# circuit must contain measurements. `SamplerV2(seed=...)` makes Aer's sampling repeatable, and
# `result[0].data.meas.get_counts()` gives the counts of the classical register that
# `measure_all` creates (named `meas`). We measure the QAOA state at the best grid angles; then we
# keep the **best** partition seen in the samples, which need not be the most frequent one.

# %% [markdown] lang="ko"
# ## 7. Sampler 프리미티브와 최선의 자름
#
# 실제 분할을 얻으려면 표본을 추출합니다. Sampler의 PUB는 `(circuit, parameter_values, shots)`이고,
# 회로에는 측정이 들어 있어야 합니다. `SamplerV2(seed=...)`는 Aer의 표본 추출을 재현 가능하게
# 만들고, `result[0].data.meas.get_counts()`는 `measure_all`이 만드는 고전 레지스터(이름 `meas`)의
# 집계를 줍니다. 격자에서 가장 좋았던 각도로 QAOA 상태를 측정한 뒤, 표본 중 **가장 좋은**
# 분할을 고릅니다. 그것이 가장 많이 나온 분할일 필요는 없습니다.

# %%
measured = qaoa_demo.measure_all(inplace=False)
sampler = SamplerV2(seed=10)
sampled = sampler.run([(measured, [betas[b_best], gammas[g_best]], 500)]).result()
counts = sampled[0].data.meas.get_counts()
top = sorted(counts.items(), key=lambda item: -item[1])[:6]
print([(label, n, cut_value(int(label, 2), edges)) for label, n in top])
average_cut = sum(n * cut_value(int(label, 2), edges) for label, n in counts.items()) / 500
print("average cut:", average_cut, "random guessing:", np.mean(all_cuts))
plot_histogram(counts, figsize=(7, 3))

# %% exercise="best_cut"

# %% [markdown] lang="en"
# ## Summary
#
# - An **ansatz** is a parameterized circuit; `ParameterVector` creates its parameters and
#   `assign_parameters` binds them in `circuit.parameters` order.
# - Hamiltonians are `SparsePauliOp` sums of Pauli strings; for a few qubits, `eigvalsh` of the
#   matrix gives the exact ground energy to check against.
# - The **Estimator** returns expectation values, the **Sampler** returns counts; both take PUBs
#   and can sweep many parameter values in one call. Seeds make Aer's results repeatable.
# - **VQE** minimises $\langle H\rangle$ with a classical optimizer; the choice of optimizer and
#   initial point decides whether it converges (COBYLA from $\theta = 0$ does, SLSQP stops at a
#   saddle point).
# - **QAOA** alternates $e^{-i\gamma C}$ and $e^{-i\beta B}$; sampling the optimised state gives
#   good cuts, and we keep the best one sampled.
#
# Next, module 11 adds the noise these algorithms face on real devices.

# %% [markdown] lang="ko"
# ## 정리
#
# - **안자츠**는 매개변수 회로입니다. `ParameterVector`로 매개변수를 만들고, `assign_parameters`로
#   `circuit.parameters` 순서대로 값을 묶습니다.
# - 해밀토니안은 파울리 문자열의 합인 `SparsePauliOp`입니다. 큐비트가 몇 개뿐이면 행렬의
#   `eigvalsh`로 정확한 바닥 에너지를 구해 결과를 확인할 수 있습니다.
# - **Estimator**는 기댓값을, **Sampler**는 집계를 돌려줍니다. 둘 다 PUB를 받고, 호출 한 번에
#   여러 매개변수 값을 훑을 수 있습니다. 시드를 정하면 Aer의 결과를 재현할 수 있습니다.
# - **VQE**는 고전 최적화기로 $\langle H\rangle$를 최소화합니다. 최적화기와 초기점의 선택이 수렴
#   여부를 가릅니다($\theta = 0$에서 COBYLA는 수렴하고 SLSQP는 안장점에서 멈춥니다).
# - **QAOA**는 $e^{-i\gamma C}$와 $e^{-i\beta B}$를 번갈아 적용합니다. 최적화한 상태를 표본
#   추출하면 좋은 자름이 나오고, 그중 가장 좋은 것을 고릅니다.
#
# 다음 모듈 11에서는 이 알고리즘들이 실제 장치에서 마주하는 잡음을 다룹니다.
