# %% [markdown] lang="en"
# # Multi-qubit systems and entanglement
#
# One qubit can only do so much. The power of a quantum computer comes from many qubits
# together, and above all from **entanglement**: correlations between qubits that no list of
# separate single-qubit states can describe. In this module you will
#
# 1. combine qubits with the **tensor product** and read Qiskit's **little-endian** labels,
# 2. meet the two-qubit gates **CNOT**, **CZ** and **SWAP**,
# 3. create the four **Bell states**, the **GHZ** states and the **W** state,
# 4. prove two gate identities and discover **phase kickback**, the trick behind most quantum
#    algorithms.
#
# Every exercise is graded against the mathematics (a statevector or a matrix), so any correct
# circuit passes, not only the one we had in mind.

# %% [markdown] lang="ko"
# # 다중 큐비트 시스템과 얽힘
#
# 큐비트 하나로 할 수 있는 일에는 한계가 있습니다. 양자 컴퓨터의 힘은 여러 큐비트를 함께
# 쓰는 데서, 무엇보다 **얽힘**(entanglement)에서 나옵니다. 얽힘이란 큐비트 하나하나의 상태를
# 따로 나열해서는 결코 기술할 수 없는 큐비트 사이의 상관관계입니다. 이 모듈에서는 다음을 배웁니다.
#
# 1. **텐서곱**(tensor product)으로 큐비트를 결합하고, Qiskit의 **리틀 엔디언**(little-endian)
#    표기를 읽는 법,
# 2. 2-큐비트 게이트 **CNOT**, **CZ**, **SWAP**,
# 3. 네 가지 **벨 상태**(Bell states), **GHZ** 상태, **W** 상태를 만드는 법,
# 4. 두 가지 게이트 항등식을 증명하고, 대부분의 양자 알고리즘의 핵심 기법인
#    **위상 킥백**(phase kickback)을 발견하는 것.
#
# 모든 연습 문제는 수학적 정답(상태벡터나 행렬)과 비교해 채점하므로, 출제자가 염두에 둔 회로가
# 아니더라도 올바른 회로라면 모두 통과합니다.

# %%
from qiskit.visualization import plot_bloch_multivector, plot_histogram
from qiskit_aer import AerSimulator

sim = AerSimulator()
SEED = 2026  # every simulation in this lesson is seeded, so you see the same pictures we do


def probabilities(state):
    """Measurement probabilities of a Statevector as {label: probability}, rounded."""
    return {str(label): round(float(p), 3) for label, p in state.probabilities_dict().items()}


# %% [markdown] lang="en"
# ## 1. Two qubits: the tensor product
#
# If qubit $A$ is in $|a\rangle = a_0|0\rangle + a_1|1\rangle$ and qubit $B$ is in
# $|b\rangle = b_0|0\rangle + b_1|1\rangle$, the pair is in the **tensor product**
#
# $$|a\rangle \otimes |b\rangle = a_0 b_0\,|00\rangle + a_0 b_1\,|01\rangle + a_1 b_0\,|10\rangle + a_1 b_1\,|11\rangle ,$$
#
# where $|xy\rangle$ is short for $|x\rangle\otimes|y\rangle$. Two qubits need **four** complex
# amplitudes, three need eight, and $n$ qubits need $2^n$. As column vectors the tensor product
# is the Kronecker product: every entry of the first vector multiplies the whole second vector.
#
# $$\begin{pmatrix} a_0 \\ a_1 \end{pmatrix} \otimes \begin{pmatrix} b_0 \\ b_1 \end{pmatrix}
#   = \begin{pmatrix} a_0 b_0 \\ a_0 b_1 \\ a_1 b_0 \\ a_1 b_1 \end{pmatrix}$$
#
# NumPy computes it with `np.kron`.

# %% [markdown] lang="ko"
# ## 1. 두 큐비트: 텐서곱
#
# 큐비트 $A$가 $|a\rangle = a_0|0\rangle + a_1|1\rangle$ 상태이고 큐비트 $B$가
# $|b\rangle = b_0|0\rangle + b_1|1\rangle$ 상태이면, 두 큐비트를 합친 계의 상태는 **텐서곱**
#
# $$|a\rangle \otimes |b\rangle = a_0 b_0\,|00\rangle + a_0 b_1\,|01\rangle + a_1 b_0\,|10\rangle + a_1 b_1\,|11\rangle$$
#
# 입니다. 여기서 $|xy\rangle$는 $|x\rangle\otimes|y\rangle$를 줄여 쓴 것입니다. 큐비트 두 개에는
# 복소 진폭이 **네 개**, 세 개에는 여덟 개, $n$개에는 $2^n$개가 필요합니다. 열벡터로 쓰면
# 텐서곱은 크로네커 곱(Kronecker product)입니다. 첫 번째 벡터의 각 성분이 두 번째 벡터 전체에
# 곱해집니다.
#
# $$\begin{pmatrix} a_0 \\ a_1 \end{pmatrix} \otimes \begin{pmatrix} b_0 \\ b_1 \end{pmatrix}
#   = \begin{pmatrix} a_0 b_0 \\ a_0 b_1 \\ a_1 b_0 \\ a_1 b_1 \end{pmatrix}$$
#
# NumPy에서는 `np.kron`으로 계산합니다.

# %%
ket0 = np.array([1, 0])
ket1 = np.array([0, 1])
plus = np.array([1, 1]) / np.sqrt(2)

print(np.kron(ket1, ket0))  # |1> ⊗ |0> = |10>
print(np.kron(plus, ket1))  # |+> ⊗ |1> = (|01> + |11>)/sqrt(2)

# %% [markdown] lang="en"
# ## 2. Qiskit's qubit order is little-endian
#
# Qiskit writes a basis state of $n$ qubits as a bit string $q_{n-1}\dots q_1 q_0$:
# **qubit 0 is the rightmost bit**. This is the *little-endian* convention (the least significant
# bit is qubit 0), and it is the opposite of many textbooks, which write qubit 0 first.
# So in Qiskit
#
# $$|q_1 q_0\rangle = |q_1\rangle \otimes |q_0\rangle ,$$
#
# and the amplitude of label $q_1 q_0$ sits at index $2q_1 + q_0$ of the statevector.
# Let us flip only qubit 0 and look at the result.

# %% [markdown] lang="ko"
# ## 2. Qiskit의 큐비트 순서는 리틀 엔디언
#
# Qiskit은 $n$-큐비트 기저 상태를 비트열 $q_{n-1}\dots q_1 q_0$로 씁니다. 즉
# **큐비트 0이 가장 오른쪽 비트**입니다. 이것을 *리틀 엔디언* 관례(가장 낮은 자리 비트가 큐비트 0)라고
# 하며, 큐비트 0을 맨 앞에 쓰는 많은 교과서와는 반대입니다. 그래서 Qiskit에서는
#
# $$|q_1 q_0\rangle = |q_1\rangle \otimes |q_0\rangle$$
#
# 이고, 레이블 $q_1 q_0$의 진폭은 상태벡터의 $2q_1 + q_0$번째 성분에 들어 있습니다.
# 큐비트 0만 뒤집어 보고 결과를 확인해 봅시다.

# %%
qc = QuantumCircuit(2)
qc.x(0)  # flip qubit 0 only
state = Statevector(qc)
print(state.data.real)  # amplitude 1 at index 1 ...
print(probabilities(state))  # ... which Qiskit labels '01'

# %% [markdown] lang="en"
# The only non-zero amplitude is at index 1, and its label is `'01'`: qubit 1 is `0`, qubit 0 is
# `1`. When you read a label, read it **from right to left** to go from qubit 0 upwards.
#
# The same rule decides which factor comes first in a tensor product: the state "qubit 0 in
# $|+\rangle$, qubit 1 in $|1\rangle$" is $|1\rangle\otimes|+\rangle$, with qubit 1 on the
# **left**. `Statevector.tensor` and `np.kron` follow the same order, so we can check the circuit
# against the mathematics:

# %% [markdown] lang="ko"
# 0이 아닌 진폭은 인덱스 1에 하나뿐이고, 그 레이블은 `'01'`입니다. 큐비트 1은 `0`, 큐비트 0은
# `1`입니다. 레이블을 읽을 때는 **오른쪽에서 왼쪽으로** 읽어야 큐비트 0부터 차례로 읽게 됩니다.
#
# 텐서곱에서 어떤 인수가 앞에 오는지도 같은 규칙이 정합니다. "큐비트 0은 $|+\rangle$,
# 큐비트 1은 $|1\rangle$"인 상태는 $|1\rangle\otimes|+\rangle$이며, 큐비트 1이 **왼쪽**에 옵니다.
# `Statevector.tensor`와 `np.kron`도 같은 순서를 따르므로, 회로를 수학식과 맞대어 확인할 수 있습니다.

# %%
qc = QuantumCircuit(2)
qc.h(0)  # qubit 0 -> |+>
qc.x(1)  # qubit 1 -> |1>
from_circuit = Statevector(qc)
from_math = Statevector(ket1).tensor(Statevector(plus))  # (qubit 1) ⊗ (qubit 0)
print(from_circuit.equiv(from_math), probabilities(from_circuit))
qc.draw("mpl")

# %% [markdown] lang="en"
# In the drawing qubit 0 is the **top** wire, while in the label it is the **rightmost** bit.
# Mixing up the two is the most common Qiskit mistake, and the grader recognises it: when your
# state is right except that the qubits are in reverse order, it reports
# `qubit_order_reversed`.

# %% [markdown] lang="ko"
# 회로 그림에서 큐비트 0은 **맨 위** 선이지만, 레이블에서는 **가장 오른쪽** 비트입니다. 이 둘을
# 혼동하는 것이 Qiskit에서 가장 흔한 실수이며, 채점기도 이를 알아봅니다. 큐비트 순서만 거꾸로 된
# 상태를 제출하면 `qubit_order_reversed`라는 진단을 돌려줍니다.

# %% exercise="product_state"

# %% [markdown] lang="en"
# ## 3. Two-qubit gates: CNOT, CZ and SWAP
#
# **CNOT** (controlled-NOT, `qc.cx(control, target)`) flips the target if and only if the
# control is $|1\rangle$: $\;\text{CNOT}\,|c\rangle|t\rangle = |c\rangle|t \oplus c\rangle$.
# With the control on qubit 0 and the target on qubit 1, the Qiskit labels $q_1q_0$ change as
#
# | before | `00` | `01` | `10` | `11` |
# |---|---|---|---|---|
# | after `cx(0, 1)` | `00` | `11` | `10` | `01` |
#
# **CZ** (`qc.cz(a, b)`) multiplies $|11\rangle$ by $-1$ and leaves the other basis states
# alone. It is **symmetric**: there is no difference between control and target.
#
# **SWAP** (`qc.swap(a, b)`) exchanges the states of two qubits: $|01\rangle \leftrightarrow |10\rangle$.
#
# Because of the little-endian order, the matrix of `cx(0, 1)` in Qiskit is not the textbook
# one: its columns are indexed by $2q_1 + q_0$. Let us print the three matrices.

# %% [markdown] lang="ko"
# ## 3. 2-큐비트 게이트: CNOT, CZ, SWAP
#
# **CNOT**(제어-NOT, `qc.cx(control, target)`)은 제어 큐비트가 $|1\rangle$일 때에만 표적 큐비트를
# 뒤집습니다. $\;\text{CNOT}\,|c\rangle|t\rangle = |c\rangle|t \oplus c\rangle$.
# 제어가 큐비트 0, 표적이 큐비트 1일 때 Qiskit 레이블 $q_1q_0$는 다음과 같이 바뀝니다.
#
# | 적용 전 | `00` | `01` | `10` | `11` |
# |---|---|---|---|---|
# | `cx(0, 1)` 적용 후 | `00` | `11` | `10` | `01` |
#
# **CZ**(`qc.cz(a, b)`)는 $|11\rangle$에만 $-1$을 곱하고 나머지 기저 상태는 그대로 둡니다.
# CZ는 **대칭적**이어서 제어와 표적의 구분이 없습니다.
#
# **SWAP**(`qc.swap(a, b)`)은 두 큐비트의 상태를 맞바꿉니다. $|01\rangle \leftrightarrow |10\rangle$.
#
# 리틀 엔디언 순서 때문에 Qiskit에서 `cx(0, 1)`의 행렬은 교과서의 행렬과 다릅니다. 열의 번호가
# $2q_1 + q_0$이기 때문입니다. 세 게이트의 행렬을 출력해 봅시다.

# %%
for name in ("cx", "cz", "swap"):
    gate_circuit = QuantumCircuit(2)
    getattr(gate_circuit, name)(0, 1)
    print(name)
    print(Operator(gate_circuit).data.real.astype(int))

# %% [markdown] lang="en"
# Column $j$ of a matrix is the image of basis state $j$. In the `cx` matrix, column 1 (label
# `01`, control qubit 0 is 1) has its 1 in row 3 (label `11`): the target flipped. Column 2 (label
# `10`) is untouched, because there the control is 0. Here are the three gates as circuit
# symbols: a dot for a control, $\oplus$ for the target of a NOT, two dots for CZ and two crosses
# for SWAP.

# %% [markdown] lang="ko"
# 행렬의 $j$번째 열은 기저 상태 $j$가 옮겨 가는 상태입니다. `cx` 행렬의 1번 열(레이블 `01`,
# 제어 큐비트 0이 1)은 3번 행(레이블 `11`)에 1이 있습니다. 표적이 뒤집혔습니다. 2번 열(레이블 `10`)은
# 제어가 0이므로 그대로입니다. 아래는 세 게이트의 회로 기호입니다. 점은 제어, $\oplus$는 NOT의 표적,
# 점 두 개는 CZ, 가위표 두 개는 SWAP입니다.

# %%
gates = QuantumCircuit(2)
gates.cx(0, 1)
gates.barrier()
gates.cz(0, 1)
gates.barrier()
gates.swap(0, 1)
gates.draw("mpl")

# %% [markdown] lang="en"
# ## 4. Entanglement and the Bell states
#
# Put qubit 0 in superposition with H, then use it as the control of a CNOT:
#
# $$|00\rangle \xrightarrow{H_0} \tfrac{1}{\sqrt2}\big(|00\rangle + |01\rangle\big)
#   \xrightarrow{\text{CNOT}_{0\to1}} \tfrac{1}{\sqrt2}\big(|00\rangle + |11\rangle\big) = |\Phi^+\rangle .$$
#
# Can $|\Phi^+\rangle$ be written as $|a\rangle\otimes|b\rangle$? A product has amplitudes
# $(a_0b_0, a_0b_1, a_1b_0, a_1b_1)$, and for those $(a_0b_0)(a_1b_1) = (a_0b_1)(a_1b_0)$.
# For $|\Phi^+\rangle$ the left side is $\tfrac12$ and the right side is $0$. So no: the two qubits
# have no state of their own. This is **entanglement**. Measuring gives `00` or `11`, each half the
# time, never `01` or `10`: the two results are perfectly correlated.

# %% [markdown] lang="ko"
# ## 4. 얽힘과 벨 상태
#
# 큐비트 0을 H로 중첩 상태로 만든 다음, 그것을 CNOT의 제어로 씁니다.
#
# $$|00\rangle \xrightarrow{H_0} \tfrac{1}{\sqrt2}\big(|00\rangle + |01\rangle\big)
#   \xrightarrow{\text{CNOT}_{0\to1}} \tfrac{1}{\sqrt2}\big(|00\rangle + |11\rangle\big) = |\Phi^+\rangle$$
#
# $|\Phi^+\rangle$를 $|a\rangle\otimes|b\rangle$ 꼴로 쓸 수 있을까요? 곱 상태의 진폭은
# $(a_0b_0, a_0b_1, a_1b_0, a_1b_1)$이고, 이때 항상 $(a_0b_0)(a_1b_1) = (a_0b_1)(a_1b_0)$가
# 성립합니다. $|\Phi^+\rangle$에서는 좌변이 $\tfrac12$, 우변이 $0$입니다. 따라서 쓸 수 없습니다.
# 두 큐비트는 각자의 상태를 따로 갖지 못합니다. 이것이 **얽힘**입니다. 측정하면 `00`이나 `11`이
# 각각 절반의 확률로 나오고 `01`이나 `10`은 절대 나오지 않습니다. 두 측정 결과가 완벽하게
# 상관되어 있습니다.

# %%
bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
print(probabilities(Statevector(bell)))
bell.draw("mpl")

# %% [markdown] lang="en"
# The next cell measures the Bell state 1000 times, twice: with `sim.run(...)`, and with Aer's
# **Sampler** primitive (`SamplerV2` from `qiskit_aer.primitives`, module 2), the way a program
# for IBM hardware runs it. With the same seed they draw the same shots, so the comparison prints
# `True` and one histogram shows both runs.

# %% [markdown] lang="ko"
# 다음 셀은 벨 상태를 1000번씩 두 번 측정합니다. 한 번은 `sim.run(...)`으로, 또 한 번은 IBM
# 하드웨어용 프로그램처럼 Aer의 **Sampler** 프리미티브(`qiskit_aer.primitives`의 `SamplerV2`, 모듈 2)로
# 실행합니다. 시드가 같으면 같은 샷을 뽑으므로 비교 결과는 `True`이고, 히스토그램 하나가 두 실행을
# 모두 보여 줍니다.

# %%
from qiskit_aer.primitives import SamplerV2

measured = bell.copy()
measured.measure_all()
counts = sim.run(measured, shots=1000, seed_simulator=SEED).result().get_counts()
sampled = SamplerV2(seed=SEED).run([measured], shots=1000).result()[0].data.meas
print(sampled.get_counts() == counts)
plot_histogram(counts)

# %% [markdown] lang="en"
# The Bloch sphere shows the state of **one** qubit. For a *maximally* entangled pair such as this
# Bell state, each qubit on its own is in a completely random mixture, so both Bloch vectors have
# **length zero**: the arrows vanish into the centre. All the information is in the correlations,
# which no single-qubit picture can show. A partially entangled pair, such as
# $\cos\frac\theta2|00\rangle + \sin\frac\theta2|11\rangle$ for $0 < \theta < \pi$, gives arrows
# that are shorter than 1 but not zero. Only a product state gives two arrows of full length.

# %% [markdown] lang="ko"
# 블로흐 구(Bloch sphere)는 큐비트 **하나**의 상태를 보여 줍니다. 이 벨 상태처럼 *최대로* 얽힌
# 쌍에서는 각 큐비트를 따로 보면 완전히 무작위한 혼합 상태이므로, 두 블로흐 벡터의 **길이가 0**입니다.
# 화살표가 구의 중심으로 사라집니다. 모든 정보는 상관관계 안에 있고, 단일 큐비트 그림으로는 그것을
# 보여 줄 수 없습니다. $0 < \theta < \pi$일 때의 $\cos\frac\theta2|00\rangle + \sin\frac\theta2|11\rangle$처럼
# 부분적으로 얽힌 쌍에서는 화살표가 1보다 짧지만 0은 아닙니다. 두 화살표가 모두 온전한 길이를 갖는
# 것은 곱 상태뿐입니다.

# %%
plot_bloch_multivector(Statevector(bell))

# %% [markdown] lang="en"
# There are four **Bell states**, and together they form an orthonormal basis of two qubits:
#
# $$|\Phi^\pm\rangle = \tfrac{1}{\sqrt2}\big(|00\rangle \pm |11\rangle\big), \qquad
#   |\Psi^\pm\rangle = \tfrac{1}{\sqrt2}\big(|01\rangle \pm |10\rangle\big).$$
#
# You get all of them from $|\Phi^+\rangle$ with a single-qubit gate on one qubit: a $Z$ changes
# the sign between the two terms ($\Phi^+\to\Phi^-$), an $X$ flips one bit of both terms
# ($\Phi^+\to\Psi^+$). Equivalently you can prepare the input $|00\rangle$, $|01\rangle$,
# $|10\rangle$ or $|11\rangle$ first and then apply H and CNOT. A global sign does not matter for a
# state: $-|\Psi^-\rangle = \tfrac{1}{\sqrt2}(|10\rangle - |01\rangle)$ is the same physical state
# as $|\Psi^-\rangle$, and the grader ignores global phase in these exercises.

# %% [markdown] lang="ko"
# **벨 상태**는 네 개이며, 함께 두 큐비트의 정규직교 기저를 이룹니다.
#
# $$|\Phi^\pm\rangle = \tfrac{1}{\sqrt2}\big(|00\rangle \pm |11\rangle\big), \qquad
#   |\Psi^\pm\rangle = \tfrac{1}{\sqrt2}\big(|01\rangle \pm |10\rangle\big)$$
#
# $|\Phi^+\rangle$에서 한 큐비트에 단일 큐비트 게이트 하나만 적용하면 나머지를 모두 얻을 수 있습니다.
# $Z$는 두 항 사이의 부호를 바꾸고($\Phi^+\to\Phi^-$), $X$는 두 항에서 비트 하나씩을 뒤집습니다
# ($\Phi^+\to\Psi^+$). 또는 먼저 입력을 $|00\rangle$, $|01\rangle$, $|10\rangle$, $|11\rangle$ 중
# 하나로 준비한 뒤 H와 CNOT을 적용해도 됩니다. 상태에서 전체 부호는 의미가 없습니다.
# $-|\Psi^-\rangle = \tfrac{1}{\sqrt2}(|10\rangle - |01\rangle)$은 $|\Psi^-\rangle$와 물리적으로 같은
# 상태이며, 이 연습 문제들에서 채점기는 전역 위상(global phase)을 무시합니다.

# %% exercise="bell_phi_plus"

# %% exercise="bell_phi_minus"

# %% exercise="bell_psi_plus"

# %% exercise="bell_psi_minus"

# %% [markdown] lang="en"
# ## 5. GHZ states: entanglement of many qubits
#
# The **GHZ state** (Greenberger–Horne–Zeilinger) of $n$ qubits is
#
# $$|\mathrm{GHZ}_n\rangle = \tfrac{1}{\sqrt2}\big(|0\dots0\rangle + |1\dots1\rangle\big).$$
#
# It is the Bell state $|\Phi^+\rangle$ grown to $n$ qubits: measuring any one qubit fixes all the
# others. Build it by putting qubit 0 in $|+\rangle$ and then copying its value into each further
# qubit with a CNOT. The CNOTs can form a chain (0→1, 1→2, ...) or a fan (0→1, 0→2, ...); both
# give the same state. Here is the 3-qubit version and its measurement statistics.

# %% [markdown] lang="ko"
# ## 5. GHZ 상태: 여러 큐비트의 얽힘
#
# $n$-큐비트 **GHZ 상태**(Greenberger–Horne–Zeilinger state)는
#
# $$|\mathrm{GHZ}_n\rangle = \tfrac{1}{\sqrt2}\big(|0\dots0\rangle + |1\dots1\rangle\big)$$
#
# 입니다. 벨 상태 $|\Phi^+\rangle$를 $n$개 큐비트로 키운 것으로, 큐비트 하나를 측정하면 나머지가
# 모두 정해집니다. 큐비트 0을 $|+\rangle$로 만든 다음, CNOT으로 그 값을 다른 큐비트에 하나씩
# 복사하면 만들 수 있습니다. CNOT은 사슬 모양(0→1, 1→2, ...)이든 부채꼴 모양(0→1, 0→2, ...)이든
# 같은 상태를 줍니다. 아래는 3-큐비트 GHZ 회로와 그 측정 통계입니다.

# %%
ghz3 = QuantumCircuit(3)
ghz3.h(0)
ghz3.cx(0, 1)
ghz3.cx(1, 2)
ghz3.draw("mpl")

# %%
ghz3_measured = ghz3.copy()
ghz3_measured.measure_all()
counts = sim.run(ghz3_measured, shots=1000, seed_simulator=SEED).result().get_counts()
sampled = SamplerV2(seed=SEED).run([ghz3_measured], shots=1000).result()[0].data.meas
print(sampled.get_counts() == counts)
plot_histogram(counts)

# %% exercise="ghz"

# %% [markdown] lang="en"
# ## 6. The W state: sharing one excitation
#
# The 3-qubit **W state** spreads a single $1$ evenly over three qubits:
#
# $$|W\rangle = \tfrac{1}{\sqrt3}\big(|001\rangle + |010\rangle + |100\rangle\big).$$
#
# It is entangled in a different way from GHZ: if you measure one qubit and find $0$, the other
# two are still entangled (in $|\Psi^+\rangle$). There is no single H-and-CNOT recipe; you have
# to **split amplitude** unevenly. The tool is the $R_Y$ rotation,
#
# $$R_Y(\theta)|0\rangle = \cos\tfrac{\theta}{2}\,|0\rangle + \sin\tfrac{\theta}{2}\,|1\rangle ,$$
#
# and its controlled version `qc.cry(theta, control, target)`. To get probability $p$ of
# measuring 1, choose $\theta = 2\arcsin\sqrt{p}$ (angles in **radians**). For example
# $p = \tfrac13$:

# %% [markdown] lang="ko"
# ## 6. W 상태: 들뜸 하나를 나누어 갖기
#
# 3-큐비트 **W 상태**는 하나의 $1$, 즉 들뜸(excitation) 하나를 세 큐비트에 고르게 나누어 놓은
# 상태입니다.
#
# $$|W\rangle = \tfrac{1}{\sqrt3}\big(|001\rangle + |010\rangle + |100\rangle\big)$$
#
# GHZ와는 다른 방식으로 얽혀 있습니다. 큐비트 하나를 측정해서 $0$이 나와도 나머지 두 큐비트는
# 여전히 얽혀 있습니다($|\Psi^+\rangle$ 상태). H와 CNOT만으로 되는 간단한 방법은 없고, 진폭을
# **고르지 않게 나누어야** 합니다. 이때 쓰는 도구가 $R_Y$ 회전
#
# $$R_Y(\theta)|0\rangle = \cos\tfrac{\theta}{2}\,|0\rangle + \sin\tfrac{\theta}{2}\,|1\rangle$$
#
# 과 그 제어 버전인 `qc.cry(theta, control, target)`입니다. 1이 측정될 확률을 $p$로 만들려면
# $\theta = 2\arcsin\sqrt{p}$로 고릅니다(각도는 **라디안**). 예를 들어 $p = \tfrac13$이면 다음과 같습니다.

# %%
theta = 2 * np.arcsin(np.sqrt(1 / 3))
one_third = QuantumCircuit(1)
one_third.ry(theta, 0)
print(round(theta, 4), probabilities(Statevector(one_third)))

# %% [markdown] lang="en"
# A controlled rotation acts only in the branch where the control is $|1\rangle$. After the
# rotation above, a `cry` with qubit 0 as control can split the remaining amplitude of that
# branch further, and CNOTs can move a $1$ from one qubit to another. With these three tools
# (an uneven split, a controlled split, CNOTs to move the excitation) you can build $|W\rangle$
# — or any other state of a few qubits — without the `initialize` shortcut, which real hardware
# would expand into many more gates anyway.

# %% [markdown] lang="ko"
# 제어 회전은 제어 큐비트가 $|1\rangle$인 갈래(branch)에서만 작동합니다. 위와 같이 회전한 뒤에는
# 큐비트 0을 제어로 하는 `cry`로 그 갈래의 남은 진폭을 다시 나눌 수 있고, CNOT으로 $1$을 한
# 큐비트에서 다른 큐비트로 옮길 수 있습니다. 이 세 도구(고르지 않은 분할, 제어 분할, 들뜸을 옮기는
# CNOT)만 있으면 `initialize` 지름길 없이도 $|W\rangle$를, 나아가 몇 개 큐비트의 어떤 상태든 만들 수
# 있습니다. 어차피 실제 하드웨어에서는 `initialize`도 훨씬 많은 게이트로 풀어서 실행됩니다.

# %% exercise="w_state"

# %% [markdown] lang="en"
# ## 7. Gate identities: equal as operators
#
# Two circuits are the same gate when they have the same **matrix** (operator), not only when
# they map $|00\rangle$ to the same state. `Operator(qc)` computes the matrix, and
# `Operator.equiv` compares two of them up to a global phase. A classic identity: H turns X into
# Z, $HXH = Z$, so sandwiching the target of a CNOT between H gates turns it into a CZ. Likewise,
# three alternating CNOTs swap two qubits: the first copies $a$ into $b$ ($b \oplus a$), the
# second copies that back into $a$, the third cleans up. Let us check a one-qubit identity first.

# %% [markdown] lang="ko"
# ## 7. 게이트 항등식: 연산자로서 같다는 것
#
# 두 회로가 같은 게이트라는 것은 $|00\rangle$을 같은 상태로 보낸다는 뜻이 아니라 같은 **행렬**
# (연산자)을 갖는다는 뜻입니다. `Operator(qc)`는 행렬을 계산하고, `Operator.equiv`는 전역 위상을
# 무시하고 두 행렬을 비교합니다. 고전적인 항등식 하나를 보면, H는 X를 Z로 바꿉니다($HXH = Z$).
# 그래서 CNOT의 표적 큐비트 앞뒤에 H를 두면 CZ가 됩니다. 마찬가지로 방향을 번갈아 가며 CNOT을
# 세 번 쓰면 두 큐비트가 맞바뀝니다. 첫 번째 CNOT은 $a$를 $b$에 더하고($b \oplus a$), 두 번째는
# 그것을 다시 $a$에 더하고, 세 번째가 마무리합니다. 먼저 단일 큐비트 항등식을 확인해 봅시다.

# %%
hxh = QuantumCircuit(1)
hxh.h(0)
hxh.x(0)
hxh.h(0)
z_only = QuantumCircuit(1)
z_only.z(0)
print(Operator(hxh).equiv(Operator(z_only)))
print(np.round(Operator(hxh).data.real, 10))

# %% [markdown] lang="en"
# When a gate will later be used inside a bigger or controlled circuit, its **global phase
# matters** too (a global phase of a gate becomes a relative phase once the gate is controlled).
# The next two exercises therefore compare your matrix **exactly** (`global_phase="strict"`).

# %% [markdown] lang="ko"
# 어떤 게이트를 나중에 더 큰 회로나 제어 게이트 안에서 쓸 때에는 **전역 위상도 중요**합니다.
# 게이트의 전역 위상은 그 게이트에 제어를 붙이는 순간 상대 위상(relative phase)이 되기 때문입니다.
# 그래서 다음 두 연습 문제는 행렬을 **정확히** 비교합니다(`global_phase="strict"`).

# %% exercise="swap_from_cnots"

# %% exercise="cz_from_h_cnot"

# %% [markdown] lang="en"
# ## 8. Phase kickback
#
# Who is the "control" in a CNOT? Put the target in $|-\rangle = \tfrac{1}{\sqrt2}(|0\rangle - |1\rangle)$.
# Flipping the target turns $|-\rangle$ into $-|-\rangle$, so
#
# $$\text{CNOT}\,|x\rangle|-\rangle = (-1)^x\,|x\rangle|-\rangle .$$
#
# The target does not change at all; instead a phase $(-1)^x$ appears that depends on the
# **control**. If the control is in superposition, that phase becomes a *relative* phase on the
# control: $|+\rangle|-\rangle \to |-\rangle|-\rangle$. The phase was "kicked back" from the
# target to the control. This is **phase kickback**, the mechanism behind Deutsch–Jozsa, Grover
# and phase estimation. Watch qubit 0's Bloch vector turn from $+x$ to $-x$ while qubit 1 stays put.

# %% [markdown] lang="ko"
# ## 8. 위상 킥백
#
# CNOT에서 "제어"하는 쪽은 정말 누구일까요? 표적을 $|-\rangle = \tfrac{1}{\sqrt2}(|0\rangle - |1\rangle)$로
# 두어 봅시다. 표적을 뒤집으면 $|-\rangle$는 $-|-\rangle$가 되므로
#
# $$\text{CNOT}\,|x\rangle|-\rangle = (-1)^x\,|x\rangle|-\rangle$$
#
# 입니다. 표적은 전혀 변하지 않고, 대신 **제어** 큐비트의 값에 따라 위상 $(-1)^x$가 붙습니다.
# 제어가 중첩 상태이면 이 위상은 제어 큐비트의 *상대* 위상이 됩니다.
# $|+\rangle|-\rangle \to |-\rangle|-\rangle$. 표적에서 생긴 위상이 제어 큐비트로 "되돌아간"
# (kicked back) 것입니다. 이것이 **위상 킥백**이며, 도이치-조사(Deutsch–Jozsa), 그로버(Grover), 위상 추정
# 알고리즘의 핵심 원리입니다. 큐비트 1은 그대로인데 큐비트 0의 블로흐 벡터가 $+x$에서 $-x$로
# 돌아가는 것을 확인해 보세요.

# %%
before = QuantumCircuit(2)
before.h(0)  # control: |+>
before.x(1)
before.h(1)  # target: |->
plot_bloch_multivector(Statevector(before))

# %%
after = before.copy()
after.cx(0, 1)
plot_bloch_multivector(Statevector(after))

# %% [markdown] lang="en"
# The same happens for any controlled gate whose target is in an **eigenstate**: if
# $U|u\rangle = e^{i\varphi}|u\rangle$, then controlled-$U$ maps $|1\rangle|u\rangle$ to
# $e^{i\varphi}|1\rangle|u\rangle$ and leaves $|0\rangle|u\rangle$ alone, so the eigenvalue's phase
# lands on the control. For the phase gate $P(\theta) = \mathrm{diag}(1, e^{i\theta})$ the
# eigenstate $|1\rangle$ has eigenvalue $e^{i\theta}$.

# %% [markdown] lang="ko"
# 표적이 **고유 상태**(eigenstate)에 있으면 어떤 제어 게이트든 똑같은 일이 일어납니다.
# $U|u\rangle = e^{i\varphi}|u\rangle$이면 제어-$U$는 $|1\rangle|u\rangle$를
# $e^{i\varphi}|1\rangle|u\rangle$로 보내고 $|0\rangle|u\rangle$는 그대로 두므로, 고윳값의 위상이
# 제어 큐비트에 실립니다. 위상 게이트 $P(\theta) = \mathrm{diag}(1, e^{i\theta})$에서는 고유 상태
# $|1\rangle$의 고윳값이 $e^{i\theta}$입니다.

# %% exercise="phase_kickback"

# %% [markdown] lang="en"
# ## Drill: Bell measurements, parity and partial measurements
#
# Three tools come back in every later module.
#
# - **Bell measurement.** The four Bell states are orthogonal, so running the Bell-state
#   preparation backwards turns each of them into one basis state, and one measurement names it.
# - **Parity.** $Z \otimes Z$ has eigenvalue $+1$ on $|00\rangle, |11\rangle$ and $-1$ on
#   $|01\rangle, |10\rangle$: it asks only whether the bits agree. Copying the parity onto an extra
#   qubit, the **ancilla**, and measuring only the ancilla tells the parity without telling the
#   bits, so a Bell state survives it. Error correction (module 11) is built on this.
# - **Partial measurement.** Measuring one qubit of several keeps the amplitudes that agree with
#   the outcome and renormalizes them: the other qubits may stay entangled.
#
# The cell below measures qubit 0 of the 3-qubit GHZ state exactly: each outcome has probability
# $1/2$ and leaves $|000\rangle$ or $|111\rangle$. It also computes $\langle ZZ\rangle$ of
# $|\Phi^+\rangle$ (the bits always agree: $+1$) and of $|{+}{+}\rangle$ (no correlation: $0$).

# %% [markdown] lang="ko"
# ## 연습: 벨 측정, 패리티, 부분 측정
#
# 다음 세 도구는 이후 모든 모듈에 다시 나옵니다.
#
# - **벨 측정.** 네 벨 상태는 서로 직교하므로, 벨 상태를 준비하는 회로를 거꾸로 실행하면 각 벨
#   상태가 기저 상태 하나로 바뀌고, 한 번의 측정으로 어느 상태인지 알 수 있습니다.
# - **패리티.** $Z \otimes Z$는 $|00\rangle, |11\rangle$에서 고윳값 $+1$, $|01\rangle, |10\rangle$에서
#   $-1$을 가집니다. 즉 두 비트가 같은지만 묻습니다. 패리티를 여분의 큐비트인 **보조 큐비트**에
#   복사하고 보조 큐비트만 측정하면, 비트 자체는 알리지 않고 패리티만 알 수 있으므로 벨 상태가 그대로
#   남습니다. 오류 정정(모듈 11)이 이 원리 위에 세워집니다.
# - **부분 측정.** 여러 큐비트 중 하나만 측정하면 결과와 맞는 진폭만 남기고 다시 정규화합니다. 나머지
#   큐비트들은 여전히 얽혀 있을 수 있습니다.
#
# 아래 셀은 3-큐비트 GHZ 상태의 큐비트 0을 정확하게 측정합니다. 각 결과의 확률은 $1/2$이고, 측정 뒤
# 상태는 $|000\rangle$ 또는 $|111\rangle$입니다. 또한 $|\Phi^+\rangle$의 $\langle ZZ\rangle$(비트가 항상
# 같으므로 $+1$)와 $|{+}{+}\rangle$의 $\langle ZZ\rangle$(상관이 없으므로 $0$)도 계산합니다.

# %%
ghz3 = QuantumCircuit(3)
ghz3.h(0)
ghz3.cx(0, 1)
ghz3.cx(1, 2)
ghz3_state = Statevector(ghz3)
print({str(k): round(float(p), 3) for k, p in ghz3_state.probabilities_dict(qargs=[0]).items()})
for outcome in (0, 1):
    kept = np.array([a if (i & 1) == outcome else 0 for i, a in enumerate(ghz3_state.data)])
    post = kept / np.linalg.norm(kept)  # keep the agreeing amplitudes, renormalize
    print(
        outcome, {format(i, "03b"): round(float(abs(a) ** 2), 3) for i, a in enumerate(post) if a}
    )

phi_plus = QuantumCircuit(2)
phi_plus.h(0)
phi_plus.cx(0, 1)
plus_plus = QuantumCircuit(2)
plus_plus.h([0, 1])
zz = Operator.from_label("ZZ")
for c in (phi_plus, plus_plus):
    print(round(float(np.real(Statevector(c).expectation_value(zz))), 6))

# %% exercise="bell_measurement"

# %% exercise="parity_onto_ancilla"

# %% exercise="partial_measurement"

# %% exercise="zz_expectation"

# %% [markdown] lang="en"
# ## Pictures of a two-qubit state
#
# Since the Bloch spheres of an entangled pair are empty, Qiskit has plots of the whole state. They
# all draw the **density matrix** $\rho = |\psi\rangle\langle\psi|$, the table of the products
# $\psi_j \overline{\psi_k}$ of the amplitudes: its diagonal holds the probabilities of the basis
# states, and an entry off the diagonal is non-zero when two basis states are in superposition
# (a **coherence**).
#
# - `plot_state_city(state)` draws $\rho$ as two 3-D bar charts, "cities": the real parts (titled
#   *Real Amplitude (ρ)*) and the imaginary parts (*Imaginary Amplitude (ρ)*), with the basis
#   states along both axes. `title=...` writes a title above both.
# - `plot_state_hinton(state)` draws the same two matrices flat, as squares whose size is the
#   magnitude and whose colour is the sign.
# - `plot_state_paulivec(state)` draws the expectation values of the Pauli strings (`XX`, `ZZ`, ...)
#   as bars.
# - `plot_state_qsphere(state)` puts each basis state on a sphere, with the phase as a colour (it
#   needs the `seaborn` package, which this course does not install).
#
# For $|\Phi^-\rangle = (|00\rangle - |11\rangle)/\sqrt2$ the real city has four bars of height
# $\frac12$ at the corners: two up on the diagonal ($|00\rangle$ and $|11\rangle$ each have
# probability $\frac12$) and two **down** off the diagonal, the minus sign of the superposition.
# The Pauli bars say the same: $\langle XX\rangle = -1$, $\langle YY\rangle = +1$,
# $\langle ZZ\rangle = +1$.

# %% [markdown] lang="ko"
# ## 2큐비트 상태의 그림
#
# 얽힌 쌍의 블로흐 구는 비어 있으므로, Qiskit에는 상태 전체를 그리는 그래프가 있습니다. 이 그래프들은
# 모두 **밀도 행렬** $\rho = |\psi\rangle\langle\psi|$, 즉 진폭의 곱 $\psi_j \overline{\psi_k}$를 모은
# 표를 그립니다. 대각선에는 기저 상태의 확률이 있고, 대각선 밖의 원소는 두 기저 상태가 중첩되어 있을
# 때 0이 아닙니다(**결맞음**, coherence).
#
# - `plot_state_city(state)`는 $\rho$를 3차원 막대그래프 두 개, 즉 "도시(city)"로 그립니다. 실수부(제목
#   *Real Amplitude (ρ)*)와 허수부(*Imaginary Amplitude (ρ)*)이며, 두 축에 기저 상태가 놓입니다.
#   `title=...`은 두 그래프 위에 제목을 답니다.
# - `plot_state_hinton(state)`는 같은 두 행렬을 평면에 사각형으로 그립니다. 사각형의 크기가 크기(절댓값),
#   색이 부호입니다.
# - `plot_state_paulivec(state)`는 파울리 문자열(`XX`, `ZZ`, ...)의 기댓값을 막대로 그립니다.
# - `plot_state_qsphere(state)`는 각 기저 상태를 구 위에 놓고 위상을 색으로 나타냅니다(`seaborn`
#   패키지가 필요한데, 이 과정에서는 설치하지 않습니다).
#
# $|\Phi^-\rangle = (|00\rangle - |11\rangle)/\sqrt2$의 실수부 도시에는 네 모서리에 높이 $\frac12$인
# 막대가 네 개 있습니다. 대각선 위의 두 막대는 위로 솟고($|00\rangle$과 $|11\rangle$의 확률이 각각
# $\frac12$), 대각선 밖의 두 막대는 중첩의 마이너스 부호 때문에 **아래로** 내려갑니다. 파울리 막대도
# 같은 것을 말해 줍니다: $\langle XX\rangle = -1$, $\langle YY\rangle = +1$, $\langle ZZ\rangle = +1$.

# %%
from qiskit.visualization import plot_state_city, plot_state_hinton, plot_state_paulivec

pictured = QuantumCircuit(2)
pictured.h(0)
pictured.cx(0, 1)
pictured.z(0)
pictured_state = Statevector(pictured)
display(plot_state_city(pictured_state, title=r"$|\Phi^-\rangle$"))
display(plot_state_hinton(pictured_state))
plot_state_paulivec(pictured_state)

# %% exercise="city_of"

# %% [markdown] lang="en"
# ## Summary
#
# - $n$ qubits have $2^n$ amplitudes; a product state is a tensor product, and Qiskit writes
#   labels as $q_{n-1}\dots q_0$ (qubit 0 on the right, and on the right of every $\otimes$).
# - CNOT flips the target when the control is 1; CZ puts a $-1$ on $|11\rangle$ and is symmetric;
#   SWAP exchanges two qubits and equals three CNOTs.
# - H followed by CNOT entangles: the four Bell states are an orthonormal basis, GHZ extends
#   $|\Phi^+\rangle$ to $n$ qubits, and W shares one excitation; controlled rotations split
#   amplitude unevenly.
# - Phase kickback: a controlled gate acting on an eigenstate writes the eigenvalue's phase onto
#   the control.
# - Running the Bell preparation backwards is a Bell measurement; CNOTs onto an ancilla copy a
#   parity without disturbing it; measuring one qubit keeps the agreeing amplitudes, renormalized.
#
# The next module uses exactly these pieces to teleport a qubit and to send two bits with one.

# %% [markdown] lang="ko"
# ## 정리
#
# - $n$개 큐비트에는 $2^n$개의 진폭이 있습니다. 곱 상태는 텐서곱이고, Qiskit은 레이블을
#   $q_{n-1}\dots q_0$ 순으로 씁니다(큐비트 0은 오른쪽, 모든 $\otimes$에서도 오른쪽).
# - CNOT은 제어가 1일 때 표적을 뒤집습니다. CZ는 $|11\rangle$에 $-1$을 붙이며 대칭적입니다.
#   SWAP은 두 큐비트를 맞바꾸며 CNOT 세 개와 같습니다.
# - H 다음에 CNOT을 적용하면 얽힘이 생깁니다. 네 벨 상태는 정규직교 기저를 이루고, GHZ는
#   $|\Phi^+\rangle$를 $n$개 큐비트로 확장한 것이며, W는 들뜸 하나를 나누어 갖습니다. 제어 회전으로
#   진폭을 고르지 않게 나눌 수 있습니다.
# - 위상 킥백: 고유 상태에 작용하는 제어 게이트는 고윳값의 위상을 제어 큐비트에 새깁니다.
# - 벨 상태 준비 회로를 거꾸로 실행하면 벨 측정이 됩니다. 보조 큐비트로 향하는 CNOT은 패리티를
#   흐트러뜨리지 않고 복사합니다. 큐비트 하나를 측정하면 결과와 맞는 진폭만 남아 다시 정규화됩니다.
#
# 다음 모듈에서는 바로 이 부품들로 큐비트를 순간이동시키고, 큐비트 하나로 두 비트를 보냅니다.
