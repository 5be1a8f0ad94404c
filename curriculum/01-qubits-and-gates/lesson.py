# %% [markdown] lang="en"
# # Qubits and single-qubit gates
#
# A classical bit is either 0 or 1. A **qubit** has two basis states too, written $|0\rangle$ and
# $|1\rangle$, but its state can be any *combination* of them. In this module you will learn to
#
# - write a qubit's state as a **statevector** and read measurement probabilities from it,
# - draw it as an arrow on the **Bloch sphere**,
# - change it with the gates $X, Y, Z, H, S, T$ and the rotations $R_X, R_Y, R_Z$,
# - prove identities between gates, and know when a gate's *global phase* matters,
# - prepare **any** single-qubit state from $|0\rangle$.
#
# Everything runs on your computer: Qiskit computes the exact statevector of a small circuit, so no
# quantum hardware is needed. Each idea is explained first and then practised in a graded exercise.
# Run the cells from top to bottom.

# %% [markdown] lang="ko"
# # 큐비트와 단일 큐비트 게이트
#
# 고전 비트는 0 아니면 1입니다. **큐비트**(qubit)에도 $|0\rangle$과 $|1\rangle$로 쓰는 두 기저
# 상태가 있지만, 큐비트의 상태는 이 둘의 어떤 *조합*도 될 수 있습니다. 이 모듈에서는 다음을 배웁니다.
#
# - 큐비트의 상태를 **상태벡터**(statevector)로 쓰고, 거기서 측정 확률을 읽어 낸다.
# - 상태를 **블로흐 구**(Bloch sphere) 위의 화살표로 그린다.
# - 게이트 $X, Y, Z, H, S, T$와 회전 게이트 $R_X, R_Y, R_Z$로 상태를 바꾼다.
# - 게이트 사이의 항등식을 증명하고, 게이트의 *전역 위상*(global phase)이 언제 중요한지 안다.
# - $|0\rangle$에서 출발해 **임의의** 단일 큐비트 상태를 준비한다.
#
# 모든 계산은 여러분의 컴퓨터에서 이루어집니다. 작은 회로라면 Qiskit이 정확한 상태벡터를 계산해
# 주므로 양자 하드웨어가 필요 없습니다. 각 개념을 먼저 설명한 뒤 채점되는 연습 문제로 익힙니다.
# 셀을 위에서부터 차례로 실행하세요.

# %% [markdown] lang="en"
# ## 1. A qubit is a vector of two complex numbers
#
# The two basis states are the column vectors
#
# $$|0\rangle = \begin{pmatrix}1\\0\end{pmatrix}, \qquad |1\rangle = \begin{pmatrix}0\\1\end{pmatrix}.$$
#
# A general state is a **superposition** $|\psi\rangle = \alpha|0\rangle + \beta|1\rangle$ with
# complex **amplitudes** $\alpha, \beta$. When we measure the qubit we get 0 with probability
# $|\alpha|^2$ and 1 with probability $|\beta|^2$ (the **Born rule**). The two probabilities must
# add up to one, so every state is **normalized**: $|\alpha|^2 + |\beta|^2 = 1$.
#
# In Qiskit a state is a `Statevector`. Let us build $|\psi\rangle = 0.6\,|0\rangle + 0.8i\,|1\rangle$
# and ask for its probabilities.

# %% [markdown] lang="ko"
# ## 1. 큐비트는 복소수 두 개로 이루어진 벡터이다
#
# 두 기저 상태는 다음 열벡터입니다.
#
# $$|0\rangle = \begin{pmatrix}1\\0\end{pmatrix}, \qquad |1\rangle = \begin{pmatrix}0\\1\end{pmatrix}.$$
#
# 일반적인 상태는 복소수 **진폭**(amplitude) $\alpha, \beta$를 가진 **중첩**(superposition)
# $|\psi\rangle = \alpha|0\rangle + \beta|1\rangle$입니다. 큐비트를 측정하면 확률 $|\alpha|^2$로 0을,
# 확률 $|\beta|^2$로 1을 얻습니다(**보른 규칙**, Born rule). 두 확률의 합은 1이어야 하므로 모든
# 상태는 **정규화**(normalized)되어 있습니다. 즉 $|\alpha|^2 + |\beta|^2 = 1$입니다.
#
# Qiskit에서 상태는 `Statevector`로 나타냅니다. $|\psi\rangle = 0.6\,|0\rangle + 0.8i\,|1\rangle$을
# 만들고 확률을 물어봅시다.

# %%
psi = Statevector([0.6, 0.8j])
print(psi.is_valid())  # normalized?
print(psi.probabilities())  # [P(0), P(1)] = [0.36, 0.64]

not_a_state = Statevector([1, 1])
print(not_a_state.is_valid())

# %% [markdown] lang="en"
# `[1, 1]` is not a state: its probabilities would add up to 2. Dividing by $\sqrt{2}$ repairs it.
#
# You rarely type amplitudes by hand. A `QuantumCircuit` with one qubit starts in $|0\rangle$;
# `Statevector(qc)` simulates the circuit exactly and returns the state it ends in. An empty circuit
# leaves the qubit in $|0\rangle$:

# %% [markdown] lang="ko"
# `[1, 1]`은 상태가 아닙니다. 확률의 합이 2가 되기 때문입니다. $\sqrt{2}$로 나누면 올바른 상태가
# 됩니다.
#
# 진폭을 직접 입력할 일은 많지 않습니다. 큐비트 하나짜리 `QuantumCircuit`은 $|0\rangle$에서
# 시작하고, `Statevector(qc)`는 회로를 정확하게 시뮬레이션해 마지막 상태를 돌려줍니다. 빈 회로는
# 큐비트를 $|0\rangle$에 그대로 둡니다.

# %%
qc = QuantumCircuit(1)
print(Statevector(qc))
print(Statevector(qc).equiv(Statevector([1, 0])))

# %% [markdown] lang="en"
# ## 2. Global phase and relative phase
#
# Multiplying a whole state by a complex number of modulus one, $e^{i\gamma}|\psi\rangle$, changes
# **no** measurement probability, in any experiment. This factor is called a **global phase** and
# is physically meaningless: $|\psi\rangle$ and $-|\psi\rangle$ are the same state.
#
# A phase *between* the amplitudes is different. Compare
#
# $$|+\rangle = \tfrac{1}{\sqrt2}\big(|0\rangle + |1\rangle\big), \qquad |-\rangle = \tfrac{1}{\sqrt2}\big(|0\rangle - |1\rangle\big).$$
#
# Both give 0 or 1 with probability ½ each, yet they are *different* states: a **relative phase**
# of $-1$ separates them, and in the next module you will measure them apart with certainty.
# `Statevector.equiv` compares states while ignoring the global phase; `==` compares the numbers.

# %% [markdown] lang="ko"
# ## 2. 전역 위상과 상대 위상
#
# 상태 전체에 크기가 1인 복소수를 곱해도, 즉 $e^{i\gamma}|\psi\rangle$로 바꿔도 어떤 실험에서든
# 측정 확률은 **전혀** 변하지 않습니다. 이 인수를 **전역 위상**(global phase)이라고 하며 물리적인
# 의미가 없습니다. $|\psi\rangle$과 $-|\psi\rangle$은 같은 상태입니다.
#
# 진폭들 *사이의* 위상은 다릅니다. 다음 두 상태를 비교해 봅시다.
#
# $$|+\rangle = \tfrac{1}{\sqrt2}\big(|0\rangle + |1\rangle\big), \qquad |-\rangle = \tfrac{1}{\sqrt2}\big(|0\rangle - |1\rangle\big).$$
#
# 둘 다 0과 1을 각각 ½의 확률로 내놓지만 *서로 다른* 상태입니다. 두 상태는 $-1$이라는 **상대
# 위상**(relative phase)만큼 다르며, 다음 모듈에서는 두 상태를 확실하게 구별하는 측정을 해 봅니다.
# `Statevector.equiv`는 전역 위상을 무시하고 상태를 비교하고, `==`는 숫자 자체를 비교합니다.

# %%
plus = Statevector([1, 1]) / np.sqrt(2)
minus = Statevector([1, -1]) / np.sqrt(2)
print(plus.probabilities(), minus.probabilities())  # identical probabilities
print(plus.equiv(minus))  # different states (relative phase)
print(plus == -plus, plus.equiv(-plus))  # a global phase: different numbers, same state

# %% [markdown] lang="en"
# ## 3. The Bloch sphere
#
# Because the global phase does not matter, we may always choose $\alpha$ real and non-negative.
# Normalization then leaves two real parameters, two angles:
#
# $$|\psi\rangle = \cos\tfrac{\theta}{2}\,|0\rangle + e^{i\varphi}\sin\tfrac{\theta}{2}\,|1\rangle,
# \qquad 0 \le \theta \le \pi,\; 0 \le \varphi < 2\pi .$$
#
# These are the polar angle $\theta$ and the azimuth $\varphi$ of a point on a unit sphere, the
# **Bloch sphere**. Its Cartesian coordinates, the **Bloch vector**, are
# $(\sin\theta\cos\varphi,\ \sin\theta\sin\varphi,\ \cos\theta)$. Note the *half* angle: $|0\rangle$
# ($\theta=0$) is the north pole, $|1\rangle$ ($\theta=\pi$) the south pole, and the equal
# superpositions lie on the equator. The six states on the axes have names:
#
# | state | amplitudes | Bloch vector |
# |---|---|---|
# | $\lvert 0\rangle$ | $(1, 0)$ | $+z$ |
# | $\lvert 1\rangle$ | $(0, 1)$ | $-z$ |
# | $\lvert +\rangle$ | $(1, 1)/\sqrt2$ | $+x$ |
# | $\lvert -\rangle$ | $(1, -1)/\sqrt2$ | $-x$ |
# | $\lvert i\rangle$ | $(1, i)/\sqrt2$ | $+y$ |
# | $\lvert -i\rangle$ | $(1, -i)/\sqrt2$ | $-y$ |
#
# Opposite points of the sphere are *orthogonal* states, which a measurement can tell apart
# perfectly.

# %% [markdown] lang="ko"
# ## 3. 블로흐 구
#
# 전역 위상은 의미가 없으므로 $\alpha$를 항상 음이 아닌 실수로 고를 수 있습니다. 그러면 정규화
# 조건 아래에서 실수 매개변수 두 개, 곧 두 각도만 남습니다.
#
# $$|\psi\rangle = \cos\tfrac{\theta}{2}\,|0\rangle + e^{i\varphi}\sin\tfrac{\theta}{2}\,|1\rangle,
# \qquad 0 \le \theta \le \pi,\; 0 \le \varphi < 2\pi .$$
#
# 이 두 각도는 단위 구 위 한 점의 극각 $\theta$와 방위각 $\varphi$이며, 이 구를 **블로흐 구**라고
# 합니다. 그 점의 직교 좌표, 즉 **블로흐 벡터**(Bloch vector)는
# $(\sin\theta\cos\varphi,\ \sin\theta\sin\varphi,\ \cos\theta)$입니다. 각도가 *절반*으로 들어간다는
# 점에 주의하세요. $|0\rangle$($\theta=0$)은 북극, $|1\rangle$($\theta=\pi$)은 남극이고, 0과 1이
# 같은 비율로 섞인 중첩 상태는 적도 위에 있습니다. 축 위의 여섯 상태에는 이름이 있습니다.
#
# | 상태 | 진폭 | 블로흐 벡터 |
# |---|---|---|
# | $\lvert 0\rangle$ | $(1, 0)$ | $+z$ |
# | $\lvert 1\rangle$ | $(0, 1)$ | $-z$ |
# | $\lvert +\rangle$ | $(1, 1)/\sqrt2$ | $+x$ |
# | $\lvert -\rangle$ | $(1, -1)/\sqrt2$ | $-x$ |
# | $\lvert i\rangle$ | $(1, i)/\sqrt2$ | $+y$ |
# | $\lvert -i\rangle$ | $(1, -i)/\sqrt2$ | $-y$ |
#
# 구의 정반대편에 있는 두 점은 서로 *직교*하는 상태이며, 측정으로 완벽하게 구별할 수 있습니다.

# %%
import matplotlib.pyplot as plt
from qiskit.visualization import plot_bloch_multivector, plot_bloch_vector

cardinal_states = {
    r"$|0\rangle$": [1, 0],
    r"$|1\rangle$": [0, 1],
    r"$|+\rangle$": [1 / np.sqrt(2), 1 / np.sqrt(2)],
    r"$|-\rangle$": [1 / np.sqrt(2), -1 / np.sqrt(2)],
    r"$|i\rangle$": [1 / np.sqrt(2), 1j / np.sqrt(2)],
    r"$|-i\rangle$": [1 / np.sqrt(2), -1j / np.sqrt(2)],
}


def bloch_vector(state):
    """The Bloch vector (x, y, z) of a one-qubit state: the expectation values of X, Y and Z."""
    state = Statevector(state)
    return [float(np.real(state.expectation_value(Operator.from_label(p)))) for p in "XYZ"]


fig, axes = plt.subplots(1, 6, figsize=(15, 3.2), subplot_kw={"projection": "3d"})
for ax, (name, amplitudes) in zip(axes, cardinal_states.items(), strict=True):
    plot_bloch_vector(bloch_vector(amplitudes), title=name, ax=ax, font_size=10)
plt.show()

# %% [markdown] lang="en"
# The helper `bloch_vector` uses a fact worth remembering: the Bloch coordinates are the
# expectation values $\langle X\rangle, \langle Y\rangle, \langle Z\rangle$ of the Pauli matrices
# you will meet in a moment. For example $\langle Z\rangle = |\alpha|^2 - |\beta|^2 = P(0) - P(1)$
# is the height of the arrow. Our state $0.6|0\rangle + 0.8i|1\rangle$ from section 1 has
# $\langle Z\rangle = 0.36 - 0.64 = -0.28$, slightly below the equator, and points towards $+y$
# because its relative phase is $i$:

# %% [markdown] lang="ko"
# 도우미 함수 `bloch_vector`는 기억해 둘 만한 사실을 이용합니다. 블로흐 좌표는 곧 만나게 될 파울리
# 행렬의 기댓값 $\langle X\rangle, \langle Y\rangle, \langle Z\rangle$입니다. 예를 들어
# $\langle Z\rangle = |\alpha|^2 - |\beta|^2 = P(0) - P(1)$은 화살표의 높이입니다. 1절의 상태
# $0.6|0\rangle + 0.8i|1\rangle$은 $\langle Z\rangle = 0.36 - 0.64 = -0.28$이므로 적도보다 조금
# 아래에 있고, 상대 위상이 $i$이므로 $+y$ 쪽을 향합니다.

# %%
print(np.round(bloch_vector(psi), 3))
plot_bloch_multivector(psi)

# %% [markdown] lang="en"
# ## 4. The Pauli gates X, Y, Z
#
# A **gate** changes the state. On one qubit it is a $2\times2$ **unitary** matrix $U$
# ($U^\dagger U = I$), which keeps every state normalized. The three **Pauli** gates are
#
# $$X = \begin{pmatrix}0&1\\1&0\end{pmatrix},\quad
#   Y = \begin{pmatrix}0&-i\\i&0\end{pmatrix},\quad
#   Z = \begin{pmatrix}1&0\\0&-1\end{pmatrix}.$$
#
# - $X$ is the quantum NOT: $X|0\rangle = |1\rangle$, $X|1\rangle = |0\rangle$ (a **bit flip**).
# - $Z$ leaves $|0\rangle$ alone and multiplies $|1\rangle$ by $-1$ (a **phase flip**):
#   $Z|+\rangle = |-\rangle$.
# - $Y = iXZ$ does both, with a factor $i$.
#
# On the Bloch sphere each Pauli gate is a half turn (180°) about its own axis: $X$ about $x$,
# $Y$ about $y$, $Z$ about $z$. In Qiskit a gate is a method of the circuit taking the qubit index:
# `qc.x(0)`. `Operator(qc)` returns the matrix of the whole circuit.

# %% [markdown] lang="ko"
# ## 4. 파울리 게이트 X, Y, Z
#
# **게이트**(gate)는 상태를 바꿉니다. 큐비트 하나에 작용하는 게이트는 $2\times2$ **유니터리**
# (unitary) 행렬 $U$($U^\dagger U = I$)이며, 모든 상태의 정규화를 유지합니다. 세 개의 **파울리**
# (Pauli) 게이트는 다음과 같습니다.
#
# $$X = \begin{pmatrix}0&1\\1&0\end{pmatrix},\quad
#   Y = \begin{pmatrix}0&-i\\i&0\end{pmatrix},\quad
#   Z = \begin{pmatrix}1&0\\0&-1\end{pmatrix}.$$
#
# - $X$는 양자 NOT입니다. $X|0\rangle = |1\rangle$, $X|1\rangle = |0\rangle$ (**비트 반전**, bit flip).
# - $Z$는 $|0\rangle$은 그대로 두고 $|1\rangle$에 $-1$을 곱합니다(**위상 반전**, phase flip).
#   그래서 $Z|+\rangle = |-\rangle$입니다.
# - $Y = iXZ$는 인수 $i$와 함께 두 가지를 모두 합니다.
#
# 블로흐 구 위에서 파울리 게이트는 각자의 축을 중심으로 반 바퀴(180°) 돌리는 회전입니다. $X$는
# $x$축, $Y$는 $y$축, $Z$는 $z$축을 중심으로 돌립니다. Qiskit에서 게이트는 큐비트 번호를 받는 회로의
# 메서드입니다(`qc.x(0)`). `Operator(qc)`는 회로 전체의 행렬을 돌려줍니다.

# %%
qc = QuantumCircuit(1)
qc.x(0)
print(Statevector(qc))  # |1>
print(Operator(qc).data.real)  # the matrix of X

# Y = iXZ, checked numerically (XZ means: first Z, then X)
print(
    np.allclose(
        Operator.from_label("Y").data,
        1j * Operator.from_label("X").data @ Operator.from_label("Z").data,
    )
)
qc.draw("mpl")

# %% [markdown] lang="en"
# Reading order matters. A circuit diagram is read **left to right** (time runs to the right), but
# the matrix product is written **right to left**: the circuit `z` then `x` has the matrix $XZ$,
# because $XZ|\psi\rangle = X(Z|\psi\rangle)$ applies $Z$ first.
#
# Your first exercise: flip the qubit.
#
# **How the exercises work.** Each exercise gives you a function to complete. Replace
# `raise NotImplementedError()` with your code, run the cell, then run the test cell below it. The
# test compares your answer with the mathematics, so every correct circuit passes, not only one
# particular solution. When it fails, it says *what* is wrong (for example "relative phase").
# Hints are folded under the test: open them one at a time.

# %% [markdown] lang="ko"
# 읽는 순서가 중요합니다. 회로도는 **왼쪽에서 오른쪽으로** 읽지만(시간이 오른쪽으로 흐릅니다), 행렬의
# 곱은 **오른쪽에서 왼쪽으로** 씁니다. `z` 다음에 `x`를 적용하는 회로의 행렬은 $XZ$입니다.
# $XZ|\psi\rangle = X(Z|\psi\rangle)$에서는 $Z$가 먼저 작용하기 때문입니다.
#
# 첫 연습 문제로 큐비트를 뒤집어 봅시다.
#
# **연습 문제 푸는 방법.** 연습 문제마다 완성해야 할 함수가 주어집니다. `raise NotImplementedError()`를
# 여러분의 코드로 바꾸고 셀을 실행한 다음, 바로 아래의 테스트 셀을 실행하세요. 테스트는 여러분의 답을
# 수학적 정답과 비교하므로, 특정한 풀이 하나가 아니라 올바른 회로라면 무엇이든 통과합니다. 실패하면
# *무엇이* 틀렸는지(예: "상대 위상") 알려 줍니다. 힌트는 테스트 아래에 접혀 있으니 하나씩 열어 보세요.

# %% exercise="one_state"

# %% [markdown] lang="en"
# ## 5. The Hadamard gate: making superpositions
#
# $$H = \frac{1}{\sqrt2}\begin{pmatrix}1&1\\1&-1\end{pmatrix}, \qquad
#   H|0\rangle = |+\rangle, \quad H|1\rangle = |-\rangle .$$
#
# The Hadamard gate turns the $z$ axis into the $x$ axis and back: on the Bloch sphere it is a half
# turn about the diagonal axis $(x+z)/\sqrt2$. Applying it twice gives back the start,
# $H^2 = I$. It is the gate that creates an equal superposition from a basis state, and you will
# see it at the start of almost every algorithm in this course.

# %% [markdown] lang="ko"
# ## 5. 아다마르 게이트: 중첩 만들기
#
# $$H = \frac{1}{\sqrt2}\begin{pmatrix}1&1\\1&-1\end{pmatrix}, \qquad
#   H|0\rangle = |+\rangle, \quad H|1\rangle = |-\rangle .$$
#
# 아다마르(Hadamard) 게이트는 $z$축을 $x$축으로, $x$축을 $z$축으로 바꿉니다. 블로흐 구 위에서는 대각선
# 축 $(x+z)/\sqrt2$를 중심으로 반 바퀴 도는 회전입니다. 두 번 적용하면 처음 상태로 돌아오므로
# $H^2 = I$입니다. 기저 상태에서 균등한 중첩을 만드는 게이트로, 이 과정의 거의 모든 알고리즘이
# 이 게이트로 시작합니다.

# %%
qc = QuantumCircuit(1)
qc.h(0)
print(np.round(Statevector(qc).data, 3))
print(Operator(qc).compose(Operator(qc)).equiv(Operator(np.eye(2))))  # H·H = I
plot_bloch_multivector(Statevector(qc))

# %% exercise="plus_state"

# %% [markdown] lang="en"
# $|-\rangle$ has the same probabilities as $|+\rangle$ but the opposite relative phase. There are
# at least two short ways to reach it: prepare $|1\rangle$ first, or add the phase after the
# superposition. Both are accepted.

# %% [markdown] lang="ko"
# $|-\rangle$은 $|+\rangle$과 확률은 같지만 상대 위상이 반대입니다. 이 상태에 이르는 짧은 방법이
# 적어도 두 가지 있습니다. 먼저 $|1\rangle$을 준비하거나, 중첩을 만든 뒤에 위상을 더하는 것입니다.
# 어느 쪽이든 정답으로 인정됩니다.

# %% exercise="minus_state"

# %% [markdown] lang="en"
# ## 6. Phase gates: S, T and P(λ)
#
# A **phase gate** leaves $|0\rangle$ alone and multiplies $|1\rangle$ by a phase:
#
# $$P(\lambda) = \begin{pmatrix}1&0\\0&e^{i\lambda}\end{pmatrix},\qquad
#   Z = P(\pi),\quad S = P(\pi/2),\quad T = P(\pi/4).$$
#
# On the Bloch sphere $P(\lambda)$ turns the arrow by $\lambda$ about the $z$ axis: it changes
# $\varphi$ and never $\theta$, so it never changes the probabilities of 0 and 1. Since turning by
# $\pi/4$ twice is turning by $\pi/2$, we get $T^2 = S$ and $S^2 = Z$. The inverse gates are
# $S^\dagger = P(-\pi/2)$ (`qc.sdg`) and $T^\dagger = P(-\pi/4)$ (`qc.tdg`).
#
# Below, $S$ moves $|+\rangle$ a quarter turn along the equator.

# %% [markdown] lang="ko"
# ## 6. 위상 게이트: S, T, P(λ)
#
# **위상 게이트**(phase gate)는 $|0\rangle$은 그대로 두고 $|1\rangle$에 위상을 곱합니다.
#
# $$P(\lambda) = \begin{pmatrix}1&0\\0&e^{i\lambda}\end{pmatrix},\qquad
#   Z = P(\pi),\quad S = P(\pi/2),\quad T = P(\pi/4).$$
#
# 블로흐 구 위에서 $P(\lambda)$는 화살표를 $z$축 중심으로 $\lambda$만큼 돌립니다. $\varphi$만 바꾸고
# $\theta$는 바꾸지 않으므로 0과 1의 확률은 결코 변하지 않습니다. $\pi/4$만큼 두 번 돌리면 $\pi/2$만큼
# 돌린 것이므로 $T^2 = S$이고 $S^2 = Z$입니다. 역게이트는 $S^\dagger = P(-\pi/2)$(`qc.sdg`)와
# $T^\dagger = P(-\pi/4)$(`qc.tdg`)입니다.
#
# 아래에서 $S$는 $|+\rangle$을 적도를 따라 4분의 1바퀴 옮깁니다.

# %%
fig, axes = plt.subplots(1, 4, figsize=(11, 3.2), subplot_kw={"projection": "3d"})
state = Statevector(plus)
for ax, name in zip(
    axes, [r"$|+\rangle$", r"$S|+\rangle$", r"$S^2|+\rangle$", r"$S^3|+\rangle$"], strict=True
):
    plot_bloch_vector(bloch_vector(state), title=name, ax=ax, font_size=10)
    state = state.evolve(Operator.from_label("S"))
plt.show()

# %% [markdown] lang="en"
# The state $|i\rangle = (|0\rangle + i|1\rangle)/\sqrt2$ on the $+y$ axis is the $+1$ eigenstate of
# $Y$: $Y|i\rangle = |i\rangle$. The picture above shows one way to reach it.

# %% [markdown] lang="ko"
# $+y$축 위의 상태 $|i\rangle = (|0\rangle + i|1\rangle)/\sqrt2$는 $Y$의 고윳값 $+1$에 해당하는
# 고유상태입니다. 즉 $Y|i\rangle = |i\rangle$입니다. 위 그림에 이 상태로 가는 방법 하나가 나와
# 있습니다.

# %% exercise="i_state"

# %% [markdown] lang="en"
# ## 7. Gates are matrices: identities and global phase
#
# Because a circuit is a product of matrices, we can *prove* that two circuits do the same thing by
# comparing their `Operator`s. A classic identity: conjugating by $H$ swaps the roles of $X$ and $Z$,
#
# $$HZH = X, \qquad HXH = Z, \qquad HYH = -Y .$$
#
# Geometrically, $H$ exchanges the $x$ and $z$ axes, so a half turn about $z$ seen "through" $H$ is
# a half turn about $x$. Let us check the last identity, which has a sign:

# %% [markdown] lang="ko"
# ## 7. 게이트는 행렬이다: 항등식과 전역 위상
#
# 회로는 행렬의 곱이므로, 두 회로의 `Operator`를 비교하면 두 회로가 같은 일을 한다는 것을 *증명*할
# 수 있습니다. 대표적인 항등식으로, $H$로 감싸면 $X$와 $Z$의 역할이 서로 바뀝니다.
#
# $$HZH = X, \qquad HXH = Z, \qquad HYH = -Y .$$
#
# 기하학적으로 보면 $H$는 $x$축과 $z$축을 맞바꾸므로, $H$를 "통해서" 본 $z$축 중심의 반 바퀴 회전은
# $x$축 중심의 반 바퀴 회전이 됩니다. 부호가 붙은 마지막 항등식을 확인해 봅시다.

# %%
hyh = QuantumCircuit(1)
hyh.h(0)
hyh.y(0)
hyh.h(0)
minus_y = -Operator.from_label("Y")
print(Operator(hyh) == minus_y)  # exactly -Y
print(Operator(hyh).equiv(Operator.from_label("Y")))  # equal to Y up to a global phase (-1)
hyh.draw("mpl")

# %% [markdown] lang="en"
# `Operator.equiv` ignores a global phase, `==` does not. For a gate used on its own the global
# phase is as unobservable as for a state: $-Y$ and $Y$ act identically on every state up to a
# global phase. It **does** matter once the gate is used as part of something bigger, for example
# when it is *controlled* by another qubit (a later module): the global phase of the gate then becomes a
# relative phase between the two branches of the control. So each exercise says whether the global
# phase is **ignored** or **strict**.
#
# The next exercise asks you to build $X$ from other gates — a small version of what a compiler
# does when a device supports only some gates.

# %% [markdown] lang="ko"
# `Operator.equiv`는 전역 위상을 무시하고, `==`는 무시하지 않습니다. 게이트를 단독으로 쓸 때는
# 상태의 경우와 마찬가지로 전역 위상을 관측할 수 없습니다. $-Y$와 $Y$는 어떤 상태에 작용하든 전역
# 위상만 다른 결과를 냅니다. 그러나 게이트가 더 큰 무언가의 일부가 되면, 예를 들어 다른 큐비트가
# *제어*하는 게이트가 되면(뒤의 모듈에서 다룹니다) 전역 위상이 **중요해집니다**. 그때 게이트의 전역 위상이 제어 큐비트의
# 두 갈래 사이의 상대 위상이 되기 때문입니다. 그래서 각 연습 문제는 전역 위상을 **무시**하는지,
# **엄격하게** 따지는지 밝혀 둡니다.
#
# 다음 연습 문제에서는 다른 게이트로 $X$를 만듭니다. 장치가 일부 게이트만 지원할 때 컴파일러가 하는
# 일의 작은 예입니다.

# %% exercise="x_from_h_and_z"

# %% [markdown] lang="en"
# ## 8. Rotations RX, RY, RZ — angles in radians
#
# Every single-qubit gate is, up to a global phase, a rotation of the Bloch sphere. Qiskit's
# rotation gates turn the arrow by an angle $\theta$ about the $x$, $y$ or $z$ axis:
#
# $$R_X(\theta) = \begin{pmatrix}\cos\frac\theta2 & -i\sin\frac\theta2\\ -i\sin\frac\theta2 & \cos\frac\theta2\end{pmatrix},\quad
#   R_Y(\theta) = \begin{pmatrix}\cos\frac\theta2 & -\sin\frac\theta2\\ \sin\frac\theta2 & \cos\frac\theta2\end{pmatrix},\quad
#   R_Z(\theta) = \begin{pmatrix}e^{-i\theta/2} & 0\\ 0 & e^{i\theta/2}\end{pmatrix}.$$
#
# Three things trip people up:
#
# 1. **Radians, not degrees.** `qc.ry(90, 0)` turns by 90 *radians* (about 14 full turns and a
#    bit). A quarter turn is `qc.ry(np.pi / 2, 0)`; convert with `np.deg2rad(90)`.
# 2. **Exact π.** `3.14` is not $\pi$. The error is small but real, and it grows every time the gate
#    is repeated. Write `np.pi`.
# 3. **Half angles.** $R_Y(\theta)|0\rangle = \cos\frac\theta2|0\rangle + \sin\frac\theta2|1\rangle$:
#    the angle on the sphere is $\theta$, the angle in the amplitudes is $\theta/2$.
#
# The rotations differ from the gates you know only by a global phase:
# $R_X(\pi) = -iX$, $R_Y(\pi) = -iY$, $R_Z(\pi) = -iZ$, and in general
# $R_Z(\lambda) = e^{-i\lambda/2}P(\lambda)$.

# %% [markdown] lang="ko"
# ## 8. 회전 게이트 RX, RY, RZ — 각도는 라디안으로
#
# 모든 단일 큐비트 게이트는 전역 위상을 빼면 블로흐 구의 회전입니다. Qiskit의 회전 게이트는 화살표를
# $x$, $y$, $z$축 중심으로 각도 $\theta$만큼 돌립니다.
#
# $$R_X(\theta) = \begin{pmatrix}\cos\frac\theta2 & -i\sin\frac\theta2\\ -i\sin\frac\theta2 & \cos\frac\theta2\end{pmatrix},\quad
#   R_Y(\theta) = \begin{pmatrix}\cos\frac\theta2 & -\sin\frac\theta2\\ \sin\frac\theta2 & \cos\frac\theta2\end{pmatrix},\quad
#   R_Z(\theta) = \begin{pmatrix}e^{-i\theta/2} & 0\\ 0 & e^{i\theta/2}\end{pmatrix}.$$
#
# 많은 사람이 다음 세 가지에서 실수합니다.
#
# 1. **도(degree)가 아니라 라디안(radian)입니다.** `qc.ry(90, 0)`은 90 *라디안*(14바퀴 조금 넘게)
#    돌립니다. 4분의 1바퀴는 `qc.ry(np.pi / 2, 0)`이며, `np.deg2rad(90)`으로 변환할 수 있습니다.
# 2. **정확한 π를 쓰세요.** `3.14`는 $\pi$가 아닙니다. 오차는 작지만 분명히 있고, 게이트를 반복할
#    때마다 커집니다. `np.pi`라고 쓰세요.
# 3. **반각에 주의하세요.** $R_Y(\theta)|0\rangle = \cos\frac\theta2|0\rangle + \sin\frac\theta2|1\rangle$
#    입니다. 구 위의 각도는 $\theta$이고 진폭 속의 각도는 $\theta/2$입니다.
#
# 회전 게이트는 이미 아는 게이트와 전역 위상만 다릅니다. $R_X(\pi) = -iX$, $R_Y(\pi) = -iY$,
# $R_Z(\pi) = -iZ$이고, 일반적으로 $R_Z(\lambda) = e^{-i\lambda/2}P(\lambda)$입니다.

# %%
from qiskit.circuit.library import PhaseGate, RXGate, RYGate, RZGate, SGate, XGate

print(
    Operator(RXGate(np.pi)).equiv(Operator(XGate())), Operator(RXGate(np.pi)) == Operator(XGate())
)
print(Operator(RZGate(np.pi / 2)) == np.exp(-1j * np.pi / 4) * Operator(SGate()))

# the same "quarter turn" typed three ways
for angle in [np.pi / 2, 3.14 / 2, 90]:
    print(angle, np.round(Statevector(Operator(RYGate(angle)).data[:, 0]).probabilities(), 6))

# %% [markdown] lang="en"
# With `np.pi / 2` the qubit is an exact 50/50 superposition. With `3.14 / 2` it is off in the fourth
# decimal; with `90` it is nowhere near. A sweep of $R_Y(\theta)$ shows the half angle: the
# probability of 1 is $\sin^2(\theta/2)$, which reaches 1 at $\theta = \pi$, not at $\pi/2$.

# %% [markdown] lang="ko"
# `np.pi / 2`를 쓰면 큐비트는 정확히 50 대 50인 중첩이 됩니다. `3.14 / 2`를 쓰면 소수점 넷째
# 자리에서 어긋나고, `90`을 쓰면 전혀 엉뚱한 상태가 됩니다. $R_Y(\theta)$의 각도를 바꿔 가며 그려 보면
# 반각이 보입니다. 1이 나올 확률은 $\sin^2(\theta/2)$이며, $\pi/2$가 아니라 $\theta = \pi$에서 1이
# 됩니다.

# %%
thetas = np.linspace(0, 2 * np.pi, 121)
p1 = [Statevector(Operator(RYGate(t)).data[:, 0]).probabilities()[1] for t in thetas]
fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(thetas, p1)
ax.set_xticks(
    [0, np.pi / 2, np.pi, 3 * np.pi / 2, 2 * np.pi],
    ["0", r"$\pi/2$", r"$\pi$", r"$3\pi/2$", r"$2\pi$"],
)
ax.set_xlabel(r"$\theta$")
ax.set_ylabel(r"$P(1) = |\langle 1|R_Y(\theta)|0\rangle|^2$")
ax.grid(alpha=0.3)
plt.show()

# %% exercise="tilted_state"

# %% [markdown] lang="en"
# Since $R_Z(\pi/2)$ and $S$ differ only by the global phase $e^{-i\pi/4}$, either one prepares the
# same *states*. As *gates* they are different, and when an exercise says the global phase is
# **strict**, only the exact matrix counts. The next exercise is graded strictly. (A circuit can
# carry an explicit global phase, `qc.global_phase = ...`; it counts like any gate.)

# %% [markdown] lang="ko"
# $R_Z(\pi/2)$와 $S$는 전역 위상 $e^{-i\pi/4}$만 다르므로 어느 쪽으로든 같은 *상태*를 준비할 수
# 있습니다. 하지만 *게이트*로서는 다르며, 연습 문제가 전역 위상을 **엄격하게** 따진다고 하면 정확한
# 행렬만 정답입니다. 다음 연습 문제는 엄격하게 채점합니다. (회로에는 `qc.global_phase = ...`로 전역
# 위상을 명시적으로 붙일 수도 있으며, 이것도 다른 게이트처럼 결과에 반영됩니다.)

# %% exercise="s_from_t"

# %% [markdown] lang="en"
# Conversely, when the global phase is ignored, very different-looking circuits can be "the same
# gate". A device that only rotates about $y$ and $z$ can still apply a Hadamard: $H$ is a half turn
# about the axis halfway between $x$ and $z$, and it can be written as a turn about $z$ followed by
# a turn about $y$.

# %% [markdown] lang="ko"
# 반대로 전역 위상을 무시한다면 겉보기에 전혀 다른 회로도 "같은 게이트"일 수 있습니다. $y$축과 $z$축
# 중심으로만 회전할 수 있는 장치에서도 아다마르 게이트를 적용할 수 있습니다. $H$는 $x$축과 $z$축
# 한가운데 축을 중심으로 한 반 바퀴 회전이며, $z$축 회전 뒤에 $y$축 회전을 하는 것으로 쓸 수 있습니다.

# %% exercise="hadamard_from_rotations"

# %% [markdown] lang="en"
# ## 9. Preparing any single-qubit state
#
# The Bloch-sphere form tells us how to reach any point from the north pole in two moves:
#
# 1. tip the arrow down by the polar angle $\theta$ with $R_Y(\theta)$, which gives
#    $\cos\frac\theta2|0\rangle + \sin\frac\theta2|1\rangle$ (the arrow now lies in the $x$–$z$ plane);
# 2. turn it about the $z$ axis by the azimuth $\varphi$ with $P(\varphi)$ (or $R_Z(\varphi)$, which
#    adds only a global phase).
#
# The order matters: turning about $z$ *first* would do nothing to $|0\rangle$, which sits on the
# $z$ axis. Qiskit also has the general gate $U(\theta, \varphi, \lambda)$ (`qc.u`), and
# `qc.initialize(...)` loads amplitudes directly, but `initialize` is not a gate (it resets the qubit
# first) and it hides exactly the reasoning this exercise practises, so it is not allowed here.
#
# Below, $R_Y(\theta)$ then $P(\varphi)$ for $\theta = 2\pi/3$, $\varphi = \pi/4$:

# %% [markdown] lang="ko"
# ## 9. 임의의 단일 큐비트 상태 준비하기
#
# 블로흐 구 표현을 보면 북극에서 어느 점으로든 두 번의 움직임으로 갈 수 있다는 것을 알 수 있습니다.
#
# 1. $R_Y(\theta)$로 화살표를 극각 $\theta$만큼 아래로 기울이면
#    $\cos\frac\theta2|0\rangle + \sin\frac\theta2|1\rangle$이 됩니다(화살표가 $x$–$z$ 평면에 놓입니다).
# 2. $P(\varphi)$로(또는 전역 위상만 더해지는 $R_Z(\varphi)$로) 화살표를 $z$축 중심으로 방위각
#    $\varphi$만큼 돌립니다.
#
# 순서가 중요합니다. $z$축 회전을 *먼저* 하면 $z$축 위에 있는 $|0\rangle$에는 아무 변화가 없습니다.
# Qiskit에는 일반 게이트 $U(\theta, \varphi, \lambda)$(`qc.u`)도 있고, `qc.initialize(...)`로 진폭을
# 직접 넣을 수도 있습니다. 하지만 `initialize`는 게이트가 아니며(먼저 큐비트를 재설정합니다), 이
# 연습 문제에서 익히려는 추론을 그대로 감춰 버리므로 여기서는 사용할 수 없습니다.
#
# 아래는 $\theta = 2\pi/3$, $\varphi = \pi/4$일 때 $R_Y(\theta)$ 다음에 $P(\varphi)$를 적용한
# 예입니다.

# %%
theta, phi = 2 * np.pi / 3, np.pi / 4
demo = QuantumCircuit(1)
demo.ry(theta, 0)
demo.p(phi, 0)
target = Statevector([np.cos(theta / 2), np.exp(1j * phi) * np.sin(theta / 2)])
print(Statevector(demo).equiv(target))
print(np.round(bloch_vector(demo), 3))
print(np.round([np.sin(theta) * np.cos(phi), np.sin(theta) * np.sin(phi), np.cos(theta)], 3))
display(demo.draw("mpl"))
plot_bloch_multivector(Statevector(demo))

# %% exercise="bloch_state"

# %% [markdown] lang="en"
# ## 10. Drawing circuits and states the way you need them
#
# `qc.draw()` takes options that change only the picture, never the circuit. These are the ones
# you will use (and be asked about) most:
#
# | option | what it does |
# |---|---|
# | `output="text"` or `"mpl"` | ASCII art (a `TextDrawing`, which `print` shows) or a matplotlib figure |
# | `reverse_bits=True` | puts qubit 0 at the bottom, in the order of the label $\lvert q_{n-1}\dots q_0\rangle$ |
# | `initial_state=True` | writes the starting $\lvert 0\rangle$ at the left of each wire |
# | `idle_wires=False` | leaves out the wires that no instruction touches |
# | `fold=n` | wraps the drawing after `n` characters (text) or gates (mpl); `fold=-1` never wraps |
#
# `plot_bloch_multivector(state)` draws one Bloch sphere per qubit, titled `qubit 0`, `qubit 1`,
# ..., starting from qubit 0. `reverse_bits=True` starts from the last qubit instead (the order of
# the ket label), and `title=...` writes a title above the spheres.

# %% [markdown] lang="ko"
# ## 10. 필요한 모양으로 회로와 상태 그리기
#
# `qc.draw()`에는 회로가 아니라 그림만 바꾸는 옵션이 있습니다. 가장 자주 쓰고 (시험에도 자주 나오는)
# 옵션은 다음과 같습니다.
#
# | 옵션 | 하는 일 |
# |---|---|
# | `output="text"` 또는 `"mpl"` | ASCII 그림(`print`로 보이는 `TextDrawing`) 또는 matplotlib 그림 |
# | `reverse_bits=True` | 큐비트 0을 맨 아래에 두어, 레이블 $\lvert q_{n-1}\dots q_0\rangle$과 같은 순서로 그립니다 |
# | `initial_state=True` | 각 선의 왼쪽 끝에 시작 상태 $\lvert 0\rangle$을 적습니다 |
# | `idle_wires=False` | 어떤 명령도 닿지 않는 선을 빼고 그립니다 |
# | `fold=n` | 그림을 `n`글자(text) 또는 `n`게이트(mpl)마다 접어 다음 줄로 넘깁니다. `fold=-1`이면 접지 않습니다 |
#
# `plot_bloch_multivector(state)`는 큐비트마다 블로흐 구를 하나씩, 큐비트 0부터 `qubit 0`, `qubit 1`,
# ... 이라는 제목을 붙여 그립니다. `reverse_bits=True`를 주면 (켓 레이블의 순서대로) 마지막 큐비트부터
# 그리고, `title=...`은 구들 위에 제목을 답니다.

# %%
picture = QuantumCircuit(3)
picture.h(0)
picture.s(0)
picture.x(1)
print(picture.draw("text"))
print(picture.draw("text", reverse_bits=True, initial_state=True))
print(picture.draw("text", idle_wires=False))

# %% [markdown] lang="en"
# The three drawings show the same circuit: as built; with qubit 0 at the bottom and the starting
# $|0\rangle$ written out; without the untouched qubit 2. The spheres below start from qubit 2
# because of `reverse_bits=True`: qubit 2 stays at $|0\rangle$ (up), qubit 1 is $|1\rangle$ (down)
# and qubit 0 is $|i\rangle$ (towards $+y$).

# %% [markdown] lang="ko"
# 세 그림은 모두 같은 회로입니다. 만든 그대로, 큐비트 0을 맨 아래에 두고 시작 상태 $|0\rangle$을 적은
# 그림, 아무 게이트도 닿지 않은 큐비트 2를 뺀 그림입니다. 아래 블로흐 구들은 `reverse_bits=True` 때문에
# 큐비트 2부터 그려집니다. 큐비트 2는 $|0\rangle$(위쪽)에 머물고, 큐비트 1은 $|1\rangle$(아래쪽),
# 큐비트 0은 $|i\rangle$($+y$ 쪽)입니다.

# %%
plot_bloch_multivector(
    Statevector(picture), title=r"$|0\rangle|1\rangle|i\rangle$", reverse_bits=True
)

# %% exercise="draw_for_notes"

# %% exercise="bloch_pair"

# %% [markdown] lang="en"
# ## Summary
#
# - A qubit's state is a normalized vector $\alpha|0\rangle + \beta|1\rangle$; the Born rule gives
#   $P(0) = |\alpha|^2$, $P(1) = |\beta|^2$.
# - A global phase is unobservable; a relative phase is a real difference ($|+\rangle \ne |-\rangle$).
# - The Bloch sphere shows a state as the point $(\theta, \varphi)$; gates are rotations of it.
# - $X, Y, Z$ are half turns about the axes; $H$ swaps $x$ and $z$; $S, T, P(\lambda)$ turn about
#   $z$; $R_X, R_Y, R_Z$ turn by any angle, in **radians**.
# - Identities such as $HZH = X$ and $T^2 = S$ are proved by comparing `Operator`s, with `equiv` when
#   the global phase is ignored and `==` when it is strict.
# - Any state is $P(\varphi)\,R_Y(\theta)\,|0\rangle$.
#
# Next module: measurement, counts and the Aer simulator.

# %% [markdown] lang="ko"
# ## 정리
#
# - 큐비트의 상태는 정규화된 벡터 $\alpha|0\rangle + \beta|1\rangle$이며, 보른 규칙에 따라
#   $P(0) = |\alpha|^2$, $P(1) = |\beta|^2$입니다.
# - 전역 위상은 관측할 수 없고, 상대 위상은 실제 차이를 만듭니다($|+\rangle \ne |-\rangle$).
# - 블로흐 구는 상태를 점 $(\theta, \varphi)$로 보여 주며, 게이트는 이 구의 회전입니다.
# - $X, Y, Z$는 각 축을 중심으로 한 반 바퀴 회전이고, $H$는 $x$축과 $z$축을 맞바꾸며, $S, T, P(\lambda)$는
#   $z$축 중심으로 돌리고, $R_X, R_Y, R_Z$는 임의의 각도(**라디안**)만큼 돌립니다.
# - $HZH = X$, $T^2 = S$ 같은 항등식은 `Operator`를 비교해 증명합니다. 전역 위상을 무시할 때는
#   `equiv`를, 엄격하게 따질 때는 `==`를 씁니다.
# - 모든 상태는 $P(\varphi)\,R_Y(\theta)\,|0\rangle$로 쓸 수 있습니다.
#
# 다음 모듈에서는 측정, 측정 결과 집계(counts), Aer 시뮬레이터를 다룹니다.
