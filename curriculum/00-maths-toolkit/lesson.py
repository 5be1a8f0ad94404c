# %% [markdown] lang="en"
# # Maths toolkit: complex numbers, linear algebra and probability
#
# Quantum computing is written in a small amount of mathematics: complex numbers, vectors and
# matrices, and probabilities. If you last saw linear algebra years ago, this module brings back
# exactly the parts the rest of the course uses, each one with a worked example in `numpy` before
# you practise it. You will
#
# - compute with complex numbers, in Cartesian and in **polar form**, using **Euler's formula**,
# - normalize vectors, multiply matrices in the right order and form the **adjoint** of a matrix,
# - compute **inner**, **outer** and **Kronecker** products,
# - find the **eigenvalues** of a matrix,
# - turn amplitudes into **probabilities** and compute **expectation values**.
#
# Nothing here is quantum yet, but every exercise is a calculation you will do again in later
# modules, where Qiskit does it for you and you have to know what it did. Run the cells from top to
# bottom.

# %% [markdown] lang="ko"
# # 수학 도구 상자: 복소수, 선형대수, 확률
#
# 양자 컴퓨팅은 많지 않은 수학으로 쓰입니다. 복소수, 벡터와 행렬, 그리고 확률입니다. 선형대수를
# 마지막으로 본 지 몇 년이 지났다면, 이 모듈에서 과정의 나머지 부분이 쓰는 내용만 골라 다시 익힙니다.
# 각 내용은 먼저 `numpy`로 푼 예제를 보고 나서 연습합니다. 이 모듈에서는 다음을 배웁니다.
#
# - 복소수를 직교 형식과 **극형식**(polar form)으로 계산하고 **오일러 공식**(Euler's formula)을 쓴다.
# - 벡터를 정규화하고, 행렬을 올바른 순서로 곱하며, 행렬의 **수반**(adjoint)을 구한다.
# - **내적**, **외적**, **크로네커 곱**을 계산한다.
# - 행렬의 **고윳값**을 구한다.
# - 진폭을 **확률**로 바꾸고 **기댓값**을 계산한다.
#
# 아직 양자는 등장하지 않지만, 모든 연습 문제는 뒤의 모듈에서 다시 하게 될 계산입니다. 그때는
# Qiskit이 대신 계산해 주므로, Qiskit이 무엇을 했는지 알고 있어야 합니다. 셀을 위에서부터 차례로
# 실행하세요.

# %% [markdown] lang="en"
# ## 1. Complex numbers
#
# A **complex number** is $z = a + bi$ with real numbers $a$ (the real part) and $b$ (the
# imaginary part), and $i^2 = -1$. You add them part by part and multiply them like polynomials,
# replacing $i^2$ by $-1$:
#
# $$(1 + 2i)(3 - i) = 3 - i + 6i - 2i^2 = 5 + 5i .$$
#
# Two more operations appear everywhere in this course:
#
# - the **complex conjugate** $\bar z = z^* = a - bi$ flips the sign of the imaginary part;
# - the **modulus** $|z| = \sqrt{a^2 + b^2}$ is the length of $z$ seen as the point $(a, b)$ of the
#   plane. Note that $z\,\bar z = a^2 + b^2 = |z|^2$ is always real and never negative, while
#   $z^2$ is in general complex.
#
# Python writes $i$ as `1j`. `z.real`, `z.imag`, `np.conj(z)` and `abs(z)` give the parts, the
# conjugate and the modulus.

# %% [markdown] lang="ko"
# ## 1. 복소수
#
# **복소수**(complex number)는 실수 $a$(실수부)와 $b$(허수부)로 이루어진 $z = a + bi$이고,
# $i^2 = -1$입니다. 덧셈은 부분끼리 하고, 곱셈은 다항식처럼 전개한 뒤 $i^2$을 $-1$로 바꿉니다.
#
# $$(1 + 2i)(3 - i) = 3 - i + 6i - 2i^2 = 5 + 5i .$$
#
# 이 과정 내내 자주 나오는 연산이 두 가지 더 있습니다.
#
# - **켤레 복소수**(complex conjugate) $\bar z = z^* = a - bi$는 허수부의 부호를 바꿉니다.
# - **절댓값**(modulus) $|z| = \sqrt{a^2 + b^2}$은 $z$를 평면 위의 점 $(a, b)$로 보았을 때의
#   길이입니다. $z\,\bar z = a^2 + b^2 = |z|^2$은 언제나 음이 아닌 실수이지만, $z^2$은 일반적으로
#   복소수라는 점에 주의하세요.
#
# 파이썬에서는 $i$를 `1j`로 씁니다. `z.real`, `z.imag`, `np.conj(z)`, `abs(z)`가 각각 실수부,
# 허수부, 켤레 복소수, 절댓값을 돌려줍니다.

# %%
z = 1 + 2j
w = 3 - 1j
print(z * w)  # (5+5j)
print(z.real, z.imag, np.conj(z), abs(z))  # 1.0 2.0 (1-2j) 2.236...
print(z * np.conj(z), abs(z) ** 2)  # |z|^2 = 5, a real number
print(z**2)  # not |z|^2: (-3+4j)

# %% [markdown] lang="en"
# ## 2. Polar form and Euler's formula
#
# A point of the plane can also be given by its distance $r = |z|$ from the origin and its angle
# $\varphi$ from the positive real axis, the **argument** (or **phase**) of $z$:
# $z = r(\cos\varphi + i\sin\varphi)$. **Euler's formula**
#
# $$e^{i\varphi} = \cos\varphi + i\sin\varphi$$
#
# shortens this to the **polar form** $z = r\,e^{i\varphi}$. Three facts follow, and quantum
# computing uses all three constantly:
#
# - $|e^{i\varphi}| = 1$: $e^{i\varphi}$ is a point of the unit circle, a pure **phase**;
# - $e^{i\alpha}e^{i\beta} = e^{i(\alpha+\beta)}$: multiplying complex numbers multiplies their
#   moduli and **adds their angles**, so multiplying by $e^{i\varphi}$ turns a number by $\varphi$;
# - special values: $e^{i\pi/2} = i$, $e^{i\pi} = -1$, $e^{2\pi i} = 1$.
#
# The angle is in **radians**: a full turn is $2\pi$, not 360. numpy's trigonometric functions
# and `np.exp` expect radians; `np.deg2rad` converts. `np.angle(z)` returns the argument in
# $(-\pi, \pi]$, computed with the two-argument arctangent `np.arctan2(b, a)`, which knows the
# quadrant. The one-argument `np.arctan(b / a)` does not: $1 + i$ and $-1 - i$ have the same ratio
# $b/a = 1$ but opposite directions.

# %% [markdown] lang="ko"
# ## 2. 극형식과 오일러 공식
#
# 평면 위의 점은 원점에서의 거리 $r = |z|$와 양의 실수축에서 잰 각도 $\varphi$로도 나타낼 수
# 있습니다. 이 각도를 $z$의 **편각**(argument) 또는 **위상**(phase)이라고 하며,
# $z = r(\cos\varphi + i\sin\varphi)$입니다. **오일러 공식**
#
# $$e^{i\varphi} = \cos\varphi + i\sin\varphi$$
#
# 을 쓰면 이것을 **극형식** $z = r\,e^{i\varphi}$로 줄여 쓸 수 있습니다. 여기서 세 가지 사실이
# 나오며, 양자 컴퓨팅은 셋 모두를 끊임없이 씁니다.
#
# - $|e^{i\varphi}| = 1$입니다. $e^{i\varphi}$는 단위원 위의 점, 곧 순수한 **위상**입니다.
# - $e^{i\alpha}e^{i\beta} = e^{i(\alpha+\beta)}$입니다. 복소수를 곱하면 절댓값은 곱해지고 **각도는
#   더해지므로**, $e^{i\varphi}$를 곱하는 것은 수를 $\varphi$만큼 돌리는 것입니다.
# - 특별한 값: $e^{i\pi/2} = i$, $e^{i\pi} = -1$, $e^{2\pi i} = 1$.
#
# 각도의 단위는 **라디안**(radian)입니다. 한 바퀴는 360이 아니라 $2\pi$입니다. numpy의 삼각함수와
# `np.exp`는 라디안을 받으며, `np.deg2rad`로 변환할 수 있습니다. `np.angle(z)`는 편각을
# $(-\pi, \pi]$ 범위로 돌려주는데, 사분면을 구별하는 인수 두 개짜리 아크탄젠트 `np.arctan2(b, a)`로
# 계산합니다. 인수 하나짜리 `np.arctan(b / a)`는 사분면을 구별하지 못합니다. $1 + i$와 $-1 - i$는
# 비율 $b/a = 1$이 같지만 방향은 정반대입니다.

# %%
import matplotlib.pyplot as plt

z = -1 + 1j
r, phi = abs(z), np.angle(z)
print(r, phi, np.rad2deg(phi))  # sqrt(2), 3*pi/4 = 2.356..., 135 degrees
print(np.arctan(z.imag / z.real))  # -pi/4: the quadrant is lost
print(r * np.exp(1j * phi))  # back to (-1+1j), up to rounding
print(np.exp(1j * np.pi / 2), np.exp(1j * np.pi))  # i and -1, up to rounding

circle = np.exp(1j * np.linspace(0, 2 * np.pi, 200))
points = {"1": 1, "i": 1j, "-1": -1, "-1+i": z, "e^{iπ/6}": np.exp(1j * np.pi / 6)}
fig, ax = plt.subplots(figsize=(4, 4))
ax.plot(circle.real, circle.imag, color="gray", linewidth=0.8)
for label, point in points.items():
    ax.plot([0, point.real], [0, point.imag], marker="o")
    ax.annotate(label, (point.real, point.imag), textcoords="offset points", xytext=(4, 4))
ax.axhline(0, color="black", linewidth=0.5)
ax.axvline(0, color="black", linewidth=0.5)
ax.set_aspect("equal")
ax.set_xlabel("Re")
ax.set_ylabel("Im")
plt.show()

# %% exercise="polar_form"

# %% [markdown] lang="en"
# Phases are usually given as angles, and people often think in degrees. Converting is the one
# step that is easy to forget: `np.exp(1j * 90)` is a turn by 90 *radians*, about 14.3 full turns,
# not a quarter turn.

# %% [markdown] lang="ko"
# 위상은 보통 각도로 주어지고, 사람들은 흔히 도(degree) 단위로 생각합니다. 그래서 라디안으로
# 바꾸는 단계를 빠뜨리기 쉽습니다. `np.exp(1j * 90)`은 4분의 1바퀴가 아니라 90 *라디안*, 곧 약
# 14.3바퀴를 도는 회전입니다.

# %% exercise="phase_factor"

# %% [markdown] lang="en"
# ## 3. Vectors and normalization
#
# The state of a quantum system is a column vector of complex numbers, such as
#
# $$v = \begin{pmatrix}3\\4i\end{pmatrix}.$$
#
# In numpy a vector is a one-dimensional array, `np.array([3, 4j])`. Its **length** (norm) is
# $\|v\| = \sqrt{\sum_k |v_k|^2}$: the moduli are squared, so the imaginary entries count with a
# plus sign. Here $\|v\| = \sqrt{9 + 16} = 5$. A vector of length 1 is **normalized**; any
# non-zero vector becomes normalized when divided by its length. `np.linalg.norm(v)` computes the
# length.

# %% [markdown] lang="ko"
# ## 3. 벡터와 정규화
#
# 양자계의 상태는 다음과 같은 복소수의 열벡터입니다.
#
# $$v = \begin{pmatrix}3\\4i\end{pmatrix}.$$
#
# numpy에서 벡터는 1차원 배열 `np.array([3, 4j])`입니다. 벡터의 **길이**(노름, norm)는
# $\|v\| = \sqrt{\sum_k |v_k|^2}$입니다. 절댓값을 제곱하므로 허수 성분도 더하기 부호로 들어갑니다.
# 여기서 $\|v\| = \sqrt{9 + 16} = 5$입니다. 길이가 1인 벡터는 **정규화**(normalized)되어 있다고
# 하며, 0이 아닌 벡터는 자기 길이로 나누면 정규화됩니다. `np.linalg.norm(v)`가 길이를 계산합니다.

# %%
v = np.array([3, 4j])
print(np.sqrt(np.sum(np.abs(v) ** 2)), np.linalg.norm(v))  # 5.0 5.0
print(np.sqrt(np.sum(v**2)))  # the trap: 9 + (4i)^2 = 9 - 16 < 0, an imaginary "length"
unit = v / np.linalg.norm(v)
print(unit, np.linalg.norm(unit))  # [0.6+0.j 0.+0.8j] 1.0

# %% exercise="normalize"

# %% [markdown] lang="en"
# ## 4. Matrices act on vectors, and order matters
#
# A quantum gate is a square matrix $M$; it changes the state $v$ into the matrix-vector product
# $Mv$, whose entry $j$ is $\sum_k M_{jk}v_k$. In numpy the product is `M @ v`; `M * v` is
# something else (entry by entry, with broadcasting), and so is `A * B` for two matrices.
#
# Applying $A$ first and then $B$ gives $B(Av) = (BA)v$: the matrix of "first $A$, then $B$" is
# $BA$, written **right to left**. Matrix products do not commute in general, $AB \ne BA$, so the
# order is not a detail. With
#
# $$X = \begin{pmatrix}0&1\\1&0\end{pmatrix}, \qquad Z = \begin{pmatrix}1&0\\0&-1\end{pmatrix}$$
#
# we get $ZX = -XZ$, as the cell below shows.

# %% [markdown] lang="ko"
# ## 4. 행렬은 벡터에 작용하며, 순서가 중요하다
#
# 양자 게이트는 정사각 행렬 $M$이며, 상태 $v$를 행렬-벡터 곱 $Mv$로 바꿉니다. $Mv$의 $j$번째 성분은
# $\sum_k M_{jk}v_k$입니다. numpy에서는 이 곱을 `M @ v`로 씁니다. `M * v`는 (브로드캐스팅을 하며
# 성분끼리 곱하는) 전혀 다른 연산이고, 두 행렬의 `A * B`도 마찬가지입니다.
#
# $A$를 먼저, 그다음 $B$를 적용하면 $B(Av) = (BA)v$가 됩니다. "먼저 $A$, 그다음 $B$"의 행렬은
# **오른쪽에서 왼쪽으로** 쓴 $BA$입니다. 행렬의 곱은 일반적으로 교환 법칙이 성립하지 않으므로
# ($AB \ne BA$) 순서는 사소한 문제가 아닙니다.
#
# $$X = \begin{pmatrix}0&1\\1&0\end{pmatrix}, \qquad Z = \begin{pmatrix}1&0\\0&-1\end{pmatrix}$$
#
# 이면 아래 셀에서 보듯이 $ZX = -XZ$입니다.

# %%
X = np.array([[0, 1], [1, 0]])
Z = np.array([[1, 0], [0, -1]])
v = np.array([1, 0])
print(X @ v)  # [0 1]
print(Z @ X)  # first X, then Z
print(X @ Z)  # first Z, then X: the negative of Z @ X
print(X * Z)  # entry by entry: not a matrix product at all

# %% exercise="first_then_second"

# %% [markdown] lang="en"
# ## 5. The adjoint and unitary matrices
#
# The **transpose** $M^T$ swaps rows and columns, $(M^T)_{jk} = M_{kj}$. For complex matrices the
# useful operation is the **adjoint** (also called the conjugate transpose, or Hermitian
# conjugate) $M^\dagger = \overline{M}^T$: transpose **and** conjugate every entry. For a vector,
# $v^\dagger$ is the row of the conjugated entries. In numpy: `M.conj().T`.
#
# A matrix is **unitary** when $U^\dagger U = I$. Unitary matrices keep every length unchanged,
# $\|Uv\| = \|v\|$, so they turn normalized states into normalized states: every quantum gate is
# unitary. Its inverse is simply its adjoint. Forgetting the conjugate is the classic mistake: the
# phase matrix $S = \mathrm{diag}(1, i)$ is unitary, yet $S^T S = \mathrm{diag}(1, -1) \ne I$.
# Compare floating-point matrices with `np.allclose`, never with `==`.

# %% [markdown] lang="ko"
# ## 5. 수반 행렬과 유니터리 행렬
#
# **전치**(transpose) $M^T$는 행과 열을 맞바꿉니다. $(M^T)_{jk} = M_{kj}$입니다. 복소 행렬에서 쓸모
# 있는 연산은 **수반**(adjoint) $M^\dagger = \overline{M}^T$이며, 켤레 전치(conjugate transpose)
# 또는 에르미트 켤레(Hermitian conjugate)라고도 부릅니다. 전치하고 **동시에** 모든 성분의 켤레를
# 취합니다. 벡터 $v$의 $v^\dagger$는 켤레를 취한 성분들로 이루어진 행벡터입니다. numpy에서는
# `M.conj().T`입니다.
#
# $U^\dagger U = I$이면 행렬 $U$를 **유니터리**(unitary)라고 합니다. 유니터리 행렬은 모든 길이를
# 그대로 유지하므로($\|Uv\| = \|v\|$) 정규화된 상태를 정규화된 상태로 보냅니다. 모든 양자 게이트는
# 유니터리이며, 그 역행렬은 바로 수반 행렬입니다. 켤레를 잊는 것이 전형적인 실수입니다. 위상 행렬
# $S = \mathrm{diag}(1, i)$는 유니터리이지만 $S^T S = \mathrm{diag}(1, -1) \ne I$입니다. 부동소수점
# 행렬은 `==`가 아니라 `np.allclose`로 비교하세요.

# %%
S = np.array([[1, 0], [0, 1j]])
print(S.conj().T)  # the adjoint: diag(1, -i)
print(S.conj().T @ S)  # the identity: S is unitary
print(S.T @ S)  # conjugate forgotten: diag(1, -1)
H = np.array([[1, 1], [1, -1]]) / np.sqrt(2)
print(np.allclose(H.conj().T @ H, np.eye(2)), np.linalg.norm(H @ np.array([0.6, 0.8j])))

# %% exercise="adjoint"

# %% exercise="is_unitary"

# %% [markdown] lang="en"
# ## 6. The inner product
#
# The **inner product** of two vectors is
#
# $$\langle u, v\rangle = u^\dagger v = \sum_k \overline{u_k}\,v_k ,$$
#
# with the conjugate on the **first** vector (the physics convention; quantum computing writes it
# $\langle u|v\rangle$). Without the conjugate, a vector's product with itself would not be its
# squared length: $\langle v, v\rangle = \sum_k |v_k|^2 = \|v\|^2$ only because of it. Swapping the
# two vectors conjugates the result: $\langle v, u\rangle = \overline{\langle u, v\rangle}$. Two
# vectors are **orthogonal** when their inner product is 0.
#
# numpy's `np.vdot(u, v)` conjugates its first argument; `np.dot(u, v)` and `u @ v` do **not**.

# %% [markdown] lang="ko"
# ## 6. 내적
#
# 두 벡터의 **내적**(inner product)은
#
# $$\langle u, v\rangle = u^\dagger v = \sum_k \overline{u_k}\,v_k$$
#
# 이며, **첫 번째** 벡터에 켤레를 취합니다(물리학의 관례이며, 양자 컴퓨팅에서는
# $\langle u|v\rangle$로 씁니다). 켤레가 없으면 벡터와 자기 자신의 곱이 길이의 제곱이 되지 않습니다.
# $\langle v, v\rangle = \sum_k |v_k|^2 = \|v\|^2$은 켤레 덕분에 성립합니다. 두 벡터의 순서를 바꾸면
# 결과의 켤레가 됩니다. 즉 $\langle v, u\rangle = \overline{\langle u, v\rangle}$입니다. 내적이 0인
# 두 벡터는 **직교**(orthogonal)한다고 합니다.
#
# numpy의 `np.vdot(u, v)`는 첫 번째 인수에 켤레를 취하지만, `np.dot(u, v)`와 `u @ v`는 켤레를 취하지
# **않습니다**.

# %%
u = np.array([1, 1j]) / np.sqrt(2)
v = np.array([1, -1j]) / np.sqrt(2)
print(np.vdot(u, u), np.vdot(u, v))  # 1 and 0: u is normalized, u and v are orthogonal
print(np.dot(u, u), np.dot(u, v))  # without the conjugate: 0 and 1, both wrong
print(np.sum(np.conj(u) * v))  # the definition, term by term

# %% exercise="inner"

# %% [markdown] lang="en"
# ## 7. The outer product
#
# Multiplying the other way round, a column times a row, gives a matrix: the **outer product**
#
# $$u\,v^\dagger, \qquad (u\,v^\dagger)_{jk} = u_j\,\overline{v_k},$$
#
# written $|u\rangle\langle v|$ in quantum computing. (It has nothing to do with the cross product
# of 3D vectors.) Applied to a vector $w$ it gives $u\,(v^\dagger w) = \langle v, w\rangle\,u$:
# the inner product of $v$ with $w$, times $u$. For a normalized $u$, the outer product $u\,u^\dagger$
# is the **projector** onto $u$: it keeps the part of any vector along $u$ and removes the rest.
# In numpy: `np.outer(u, v.conj())`; `np.outer` itself conjugates nothing.

# %% [markdown] lang="ko"
# ## 7. 외적
#
# 반대 순서로, 곧 열벡터에 행벡터를 곱하면 행렬이 나옵니다. 이것이 **외적**(outer product)
#
# $$u\,v^\dagger, \qquad (u\,v^\dagger)_{jk} = u_j\,\overline{v_k}$$
#
# 이며, 양자 컴퓨팅에서는 $|u\rangle\langle v|$로 씁니다. (3차원 벡터의 벡터곱, 즉 cross product와는
# 관계가 없습니다.) 벡터 $w$에 작용하면 $u\,(v^\dagger w) = \langle v, w\rangle\,u$, 곧 $v$와 $w$의
# 내적에 $u$를 곱한 것이 됩니다. 정규화된 $u$에 대해 외적 $u\,u^\dagger$는 $u$ 위로의
# **사영 연산자**(projector)입니다. 어떤 벡터든 $u$ 방향 성분만 남기고 나머지는 없앱니다. numpy에서는
# `np.outer(u, v.conj())`이며, `np.outer` 자체는 아무것도 켤레를 취하지 않습니다.

# %%
u = np.array([1, 1j]) / np.sqrt(2)
projector = np.outer(u, u.conj())
print(np.round(projector, 3))  # [[0.5, -0.5j], [0.5j, 0.5]]
print(np.allclose(projector @ u, u), np.allclose(projector @ projector, projector))
print(np.round(projector @ np.array([1, 0]), 3))  # the part of |0> along u

# %% exercise="outer"

# %% [markdown] lang="en"
# ## 8. The Kronecker (tensor) product
#
# Two systems together are described by the **Kronecker product** (the tensor product) of their
# vectors: every entry of the first vector multiplies the whole second vector,
#
# $$\begin{pmatrix}a_0\\a_1\end{pmatrix} \otimes \begin{pmatrix}b_0\\b_1\end{pmatrix}
#   = \begin{pmatrix}a_0 b_0\\ a_0 b_1\\ a_1 b_0\\ a_1 b_1\end{pmatrix}.$$
#
# Two vectors of length 2 give one of length 4; $n$ qubits need $2^n$ numbers. The product is not
# commutative: $a \otimes b \ne b \otimes a$ in general, because the entries come out in a
# different order. Matrices combine the same way, $(A \otimes B)(a \otimes b) = (Aa) \otimes (Bb)$.
# numpy's `np.kron(a, b)` computes $a \otimes b$. (Module 03 shows how Qiskit orders its qubits
# in such products: qubit 0 is the **rightmost** factor.)

# %% [markdown] lang="ko"
# ## 8. 크로네커 곱(텐서곱)
#
# 두 계를 합친 계는 각 벡터의 **크로네커 곱**(Kronecker product), 곧 텐서곱으로 나타냅니다. 첫 번째
# 벡터의 각 성분이 두 번째 벡터 전체에 곱해집니다.
#
# $$\begin{pmatrix}a_0\\a_1\end{pmatrix} \otimes \begin{pmatrix}b_0\\b_1\end{pmatrix}
#   = \begin{pmatrix}a_0 b_0\\ a_0 b_1\\ a_1 b_0\\ a_1 b_1\end{pmatrix}.$$
#
# 길이가 2인 벡터 두 개에서 길이가 4인 벡터 하나가 나오며, 큐비트 $n$개에는 수 $2^n$개가 필요합니다.
# 이 곱은 교환 법칙이 성립하지 않습니다. 성분이 나오는 순서가 다르므로 일반적으로
# $a \otimes b \ne b \otimes a$입니다. 행렬도 같은 방식으로 결합하며
# $(A \otimes B)(a \otimes b) = (Aa) \otimes (Bb)$입니다. numpy의 `np.kron(a, b)`가 $a \otimes b$를
# 계산합니다. (모듈 03에서 Qiskit이 이런 곱에서 큐비트를 어떤 순서로 놓는지 봅니다. 큐비트 0이 **맨
# 오른쪽** 인수입니다.)

# %%
a = np.array([1, 0])  # |0>
b = np.array([0.6, 0.8])
print(np.kron(a, b))  # [0.6 0.8 0.  0. ]
print(np.kron(b, a))  # [0.6 0.  0.8 0. ]: a different vector
print(np.allclose(np.kron(X, Z) @ np.kron(a, b), np.kron(X @ a, Z @ b)))

# %% exercise="kron_state"

# %% [markdown] lang="en"
# ## 9. Eigenvalues and eigenvectors
#
# A non-zero vector $v$ is an **eigenvector** of $M$ with **eigenvalue** $\lambda$ when
# $Mv = \lambda v$: the matrix only stretches it. For example $Z$ has the eigenvectors $(1, 0)$
# and $(0, 1)$ with eigenvalues $+1$ and $-1$, and $X$ has $(1, 1)/\sqrt2$ and $(1, -1)/\sqrt2$
# with the same eigenvalues.
#
# Measurable quantities in quantum mechanics are **Hermitian** matrices, $M^\dagger = M$. Their
# eigenvalues are real and their eigenvectors can be chosen orthonormal. For them use
# `np.linalg.eigvalsh(M)` (eigenvalues only) or `np.linalg.eigh(M)` (eigenvalues and
# eigenvectors, the $k$-th eigenvector being the **column** `vectors[:, k]`): both return the
# eigenvalues sorted in **ascending** order. The general `np.linalg.eigvals` and `np.linalg.eig`
# return them in no particular order (and, for a complex matrix, as complex numbers even when they
# are real). The lowest eigenvalue of an energy matrix (a Hamiltonian) is the ground energy,
# which module 10 computes.

# %% [markdown] lang="ko"
# ## 9. 고윳값과 고유벡터
#
# 0이 아닌 벡터 $v$가 $Mv = \lambda v$를 만족하면, $v$를 $M$의 **고유벡터**(eigenvector),
# $\lambda$를 **고윳값**(eigenvalue)이라고 합니다. 행렬이 그 벡터를 늘이거나 줄이기만 한다는
# 뜻입니다. 예를 들어 $Z$의 고유벡터는 $(1, 0)$과 $(0, 1)$이고 고윳값은 $+1$과 $-1$이며, $X$의
# 고유벡터는 $(1, 1)/\sqrt2$와 $(1, -1)/\sqrt2$이고 고윳값은 같습니다.
#
# 양자역학에서 측정할 수 있는 양은 $M^\dagger = M$인 **에르미트**(Hermitian) 행렬입니다. 에르미트
# 행렬의 고윳값은 실수이고, 고유벡터는 정규 직교하도록 고를 수 있습니다. 에르미트 행렬에는
# `np.linalg.eigvalsh(M)`(고윳값만) 또는 `np.linalg.eigh(M)`(고윳값과 고유벡터, $k$번째 고유벡터는
# **열** `vectors[:, k]`)을 쓰세요. 둘 다 고윳값을 **오름차순**으로 정렬해 돌려줍니다. 일반적인
# `np.linalg.eigvals`와 `np.linalg.eig`는 고윳값을 정해진 순서 없이 돌려주며, 복소 행렬이면 고윳값이
# 실수일 때도 복소수로 돌려줍니다. 에너지 행렬(해밀토니안)의 가장 작은 고윳값이 바닥 에너지이며,
# 모듈 10에서 이것을 계산합니다.

# %%
values, vectors = np.linalg.eigh(X)
print(values)  # [-1.  1.], ascending
print(np.round(vectors[:, 0], 3))  # the eigenvector for -1: (1, -1)/sqrt(2) up to sign
print(np.allclose(X @ vectors[:, 0], values[0] * vectors[:, 0]))
print(np.linalg.eigvals(Z))  # [ 1. -1.]: not sorted

# %% exercise="lowest_eigenvalue"

# %% [markdown] lang="en"
# ## 10. Probability and expectation
#
# A **random variable** takes the value $x_k$ with probability $p_k$, where $p_k \ge 0$ and
# $\sum_k p_k = 1$. Its **expectation** (mean) is the probability-weighted average
#
# $$E[x] = \sum_k p_k\,x_k ,$$
#
# not the plain average of the values: a die that shows 6 half of the time has a mean above 3.5.
#
# Quantum mechanics produces probabilities from amplitudes. Measuring the normalized state
# $\psi = (\psi_0, \psi_1, \dots)$ gives outcome $k$ with probability $p_k = |\psi_k|^2$, the
# **squared modulus** of the amplitude (the Born rule, module 01). The modulus alone is not a
# probability: for $\psi = (1, 1)/\sqrt2$ the moduli add up to $\sqrt2$. Squaring without the
# modulus is wrong too: $(i/\sqrt2)^2 = -1/2$.
#
# For a Hermitian matrix $A$, the **expectation value** in the state $\psi$ is
#
# $$\langle A\rangle = \psi^\dagger A\,\psi = \langle \psi, A\psi\rangle ,$$
#
# again with the conjugate on the first $\psi$. It is the mean of the random variable "measure
# $A$": its values are the eigenvalues of $A$, each with the probability of the matching
# eigenvector. For a diagonal $A$ this is $\sum_k |\psi_k|^2 A_{kk}$, but not for other matrices.

# %% [markdown] lang="ko"
# ## 10. 확률과 기댓값
#
# **확률 변수**(random variable)는 값 $x_k$를 확률 $p_k$로 가지며, $p_k \ge 0$이고 $\sum_k p_k = 1$입니다.
# 확률 변수의 **기댓값**(expectation, 평균)은 확률로 가중한 평균
#
# $$E[x] = \sum_k p_k\,x_k$$
#
# 이지 값들의 단순 평균이 아닙니다. 절반의 확률로 6이 나오는 주사위의 평균은 3.5보다 큽니다.
#
# 양자역학은 진폭에서 확률을 만들어 냅니다. 정규화된 상태 $\psi = (\psi_0, \psi_1, \dots)$를 측정하면
# 결과 $k$가 확률 $p_k = |\psi_k|^2$, 곧 진폭의 **절댓값의 제곱**으로 나옵니다(보른 규칙, 모듈 01).
# 절댓값만으로는 확률이 아닙니다. $\psi = (1, 1)/\sqrt2$이면 절댓값의 합이 $\sqrt2$입니다. 절댓값
# 없이 제곱하는 것도 틀립니다. $(i/\sqrt2)^2 = -1/2$이기 때문입니다.
#
# 에르미트 행렬 $A$의 상태 $\psi$에서의 **기댓값**(expectation value)은
#
# $$\langle A\rangle = \psi^\dagger A\,\psi = \langle \psi, A\psi\rangle$$
#
# 이며, 이번에도 첫 번째 $\psi$에 켤레를 취합니다. 이것은 "$A$를 측정한다"는 확률 변수의 평균입니다.
# 그 값은 $A$의 고윳값들이고, 각 값의 확률은 대응하는 고유벡터의 확률입니다. $A$가 대각 행렬이면
# $\sum_k |\psi_k|^2 A_{kk}$와 같지만, 다른 행렬에서는 그렇지 않습니다.

# %%
faces = np.arange(1, 7)
loaded = np.array([0.1, 0.1, 0.1, 0.1, 0.1, 0.5])
print(np.sum(loaded * faces), faces.mean())  # 4.5 vs the plain average 3.5

psi = np.array([0.6, 0.8j])
p = np.abs(psi) ** 2
print(p, p.sum())  # [0.36 0.64] 1.0
print(np.real(np.vdot(psi, Z @ psi)), p @ np.array([1, -1]))  # <Z> = P(0) - P(1) = -0.28, twice

plus_i = np.array([1, 1j]) / np.sqrt(2)
Y = np.array([[0, -1j], [1j, 0]])
print(np.real(np.vdot(plus_i, Y @ plus_i)))  # <Y> = 1
print(plus_i @ Y @ plus_i)  # conjugate forgotten: 0

# %% exercise="mean_value"

# %% exercise="probabilities"

# %% exercise="expectation_value"

# %% [markdown] lang="en"
# ## Summary
#
# - $z = a + bi = r\,e^{i\varphi}$ with $r = |z|$ and $\varphi$ = `np.angle(z)` in radians;
#   $e^{i\varphi} = \cos\varphi + i\sin\varphi$ has modulus 1, and multiplying by it turns by
#   $\varphi$. Convert degrees with `np.deg2rad`.
# - The length of a vector squares the moduli, $\|v\|^2 = \sum_k |v_k|^2$; dividing by it
#   normalizes.
# - `A @ B` is the matrix product; "first $A$, then $B$" is `B @ A`.
# - The adjoint $M^\dagger$ is `M.conj().T`; unitary means $U^\dagger U = I$ (test with
#   `np.allclose`).
# - Inner product $\langle u, v\rangle$ = `np.vdot(u, v)` (conjugates $u$); outer product
#   $u v^\dagger$ = `np.outer(u, v.conj())`; Kronecker product $a \otimes b$ = `np.kron(a, b)`,
#   whose order matters.
# - `np.linalg.eigvalsh` / `eigh` give the eigenvalues of a Hermitian matrix in ascending order.
# - Probabilities are squared moduli $|\psi_k|^2$; an expectation is $\sum_k p_k x_k$, and
#   $\langle A\rangle = \psi^\dagger A \psi$.
#
# Next module: qubits and single-qubit gates, where all of this becomes physics.

# %% [markdown] lang="ko"
# ## 정리
#
# - $z = a + bi = r\,e^{i\varphi}$이며, $r = |z|$이고 $\varphi$는 라디안 단위의 `np.angle(z)`입니다.
#   $e^{i\varphi} = \cos\varphi + i\sin\varphi$의 절댓값은 1이고, 이것을 곱하면 $\varphi$만큼
#   돌아갑니다. 도 단위는 `np.deg2rad`로 변환하세요.
# - 벡터의 길이는 절댓값을 제곱해서 구합니다($\|v\|^2 = \sum_k |v_k|^2$). 길이로 나누면 정규화됩니다.
# - `A @ B`가 행렬의 곱이고, "먼저 $A$, 그다음 $B$"는 `B @ A`입니다.
# - 수반 행렬 $M^\dagger$는 `M.conj().T`이고, 유니터리는 $U^\dagger U = I$라는 뜻입니다(`np.allclose`로
#   확인하세요).
# - 내적 $\langle u, v\rangle$은 `np.vdot(u, v)`($u$에 켤레를 취함), 외적 $u v^\dagger$는
#   `np.outer(u, v.conj())`, 크로네커 곱 $a \otimes b$는 `np.kron(a, b)`이며 크로네커 곱은 순서가
#   중요합니다.
# - `np.linalg.eigvalsh`와 `eigh`는 에르미트 행렬의 고윳값을 오름차순으로 돌려줍니다.
# - 확률은 절댓값의 제곱 $|\psi_k|^2$이고, 기댓값은 $\sum_k p_k x_k$이며,
#   $\langle A\rangle = \psi^\dagger A \psi$입니다.
#
# 다음 모듈에서는 큐비트와 단일 큐비트 게이트를 다루며, 여기서 배운 모든 것이 물리가 됩니다.
