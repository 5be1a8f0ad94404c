# %% [markdown] lang="en"
# # Shor's algorithm
#
# Multiplying two primes is easy; recovering them from the product is believed to be hard for
# classical computers, and much of today's public-key cryptography relies on it. In 1994 Peter
# Shor showed that a quantum computer can factor $N$ in time polynomial in the number of digits.
# The algorithm is mostly classical number theory wrapped around one quantum subroutine, **order
# finding**, which is the phase estimation of the previous module applied to modular
# multiplication. In this module you will
#
# - reduce factoring to order finding;
# - build modular multiplication modulo 15 as a circuit;
# - run order finding on the simulator and read the peaks;
# - finish with continued fractions and greatest common divisors, and estimate how often it works.

# %% [markdown] lang="ko"
# # 쇼어 알고리즘
#
# 두 소수를 곱하기는 쉽지만, 곱에서 두 소수를 되찾기는 고전 컴퓨터에게 어렵다고 여겨지며 오늘날
# 공개 키 암호의 상당 부분이 이 사실에 기대고 있습니다. 1994년 피터 쇼어(Peter Shor)는 양자
# 컴퓨터가 $N$을 자릿수에 대한 다항 시간 안에 소인수분해할 수 있음을 보였습니다. 이 알고리즘은
# 대부분 고전 정수론이고, 그 가운데에 양자 부분 루틴 하나, 곧 **위수 찾기**(order finding)가
# 있습니다. 위수 찾기는 앞 모듈의 위상 추정을 모듈러 곱셈에 적용한 것입니다. 이 모듈에서는 다음을
# 합니다.
#
# - 소인수분해를 위수 찾기로 바꿉니다.
# - 15를 법으로 하는 모듈러 곱셈을 회로로 만듭니다.
# - 시뮬레이터에서 위수 찾기를 실행하고 봉우리를 읽습니다.
# - 연분수와 최대공약수로 마무리하고, 얼마나 자주 성공하는지 추정합니다.

# %%
import math
from fractions import Fraction

from qiskit import transpile
from qiskit.circuit.library import QFTGate
from qiskit.visualization import plot_histogram
from qiskit_aer import AerSimulator

# %% [markdown] lang="en"
# ## 1. From factoring to order finding
#
# Pick a number $a$ with $1 < a < N$ and $\gcd(a, N) = 1$ (if the gcd is not 1, it is already a
# factor). The **order** of $a$ modulo $N$ is the smallest $r \ge 1$ with $a^r \equiv 1 \pmod N$.
# If $r$ is even, then $(a^{r/2} - 1)(a^{r/2} + 1) = a^r - 1 \equiv 0 \pmod N$, so $N$ divides the
# product. Unless $a^{r/2} \equiv -1 \pmod N$, it divides neither factor alone, and
# $\gcd(a^{r/2} \pm 1, N)$ are non-trivial factors of $N$.
#
# Example: $N = 15$, $a = 7$. The powers of 7 modulo 15 are $7, 4, 13, 1$, so $r = 4$,
# $a^{r/2} = 49 \equiv 4$, and $\gcd(3, 15) = 3$, $\gcd(5, 15) = 5$.

# %% [markdown] lang="ko"
# ## 1. 소인수분해에서 위수 찾기로
#
# $1 < a < N$이고 $\gcd(a, N) = 1$인 수 $a$를 고릅니다(최대공약수가 1이 아니면 그것이 이미
# 인수입니다). $N$을 법으로 한 $a$의 **위수**는 $a^r \equiv 1 \pmod N$을 만족하는 가장 작은
# $r \ge 1$입니다. $r$이 짝수이면 $(a^{r/2} - 1)(a^{r/2} + 1) = a^r - 1 \equiv 0 \pmod N$이므로
# $N$은 이 곱을 나눕니다. $a^{r/2} \equiv -1 \pmod N$이 아니라면 $N$은 어느 한 인수만을 나누지는
# 않으므로, $\gcd(a^{r/2} \pm 1, N)$은 $N$의 자명하지 않은 인수입니다.
#
# 예: $N = 15$, $a = 7$. 15를 법으로 한 7의 거듭제곱은 $7, 4, 13, 1$이므로 $r = 4$이고,
# $a^{r/2} = 49 \equiv 4$, $\gcd(3, 15) = 3$, $\gcd(5, 15) = 5$입니다.

# %%
print([pow(7, k, 15) for k in range(1, 6)])
print(math.gcd(7**2 - 1, 15), math.gcd(7**2 + 1, 15))

# %% exercise="order_classical"

# %% [markdown] lang="en"
# Computing the order classically takes up to $N$ steps — exponential in the number of digits.
# That is the step the quantum computer speeds up.
#
# ## 2. Modular multiplication as a circuit
#
# Order finding uses the unitary $U_a|y\rangle = |a y \bmod N\rangle$. It is a **permutation** of
# basis states (multiplication by $a$ is invertible modulo $N$ when $\gcd(a, N) = 1$), so it can be
# built from X, CNOT and SWAP gates. For $N = 15$ on four qubits there is a neat trick: doubling
# modulo 15 is a **cyclic rotation** of the four bits, because $2^4 = 16 \equiv 1$. Multiplying by
# $4 = 2^2$ or $8 = 2^3$ is rotating further, and $-y \bmod 15 = 15 - y$ is flipping all four
# bits. Every $a$ coprime to 15 is $\pm 2^k$, so every multiplier is rotations and flips. (The
# circuits are only required to be right on $y = 1, \dots, 14$: order finding never leaves that
# set.)

# %% [markdown] lang="ko"
# 고전적으로 위수를 계산하려면 최대 $N$단계가 걸립니다. 자릿수에 대해 지수적입니다. 양자
# 컴퓨터가 빠르게 하는 것이 바로 이 단계입니다.
#
# ## 2. 회로로 만든 모듈러 곱셈
#
# 위수 찾기는 유니터리 $U_a|y\rangle = |a y \bmod N\rangle$을 씁니다. 이것은 기저 상태의
# **순열**이므로($\gcd(a, N) = 1$이면 $a$를 곱하는 것은 $N$을 법으로 역연산이 있습니다) X, CNOT,
# SWAP 게이트로 만들 수 있습니다. 네 큐비트 위의 $N = 15$에는 깔끔한 요령이 있습니다. $2^4 = 16 \equiv 1$이므로
# 15를 법으로 두 배 하기는 네 비트의 **순환 회전**입니다. $4 = 2^2$나 $8 = 2^3$을 곱하는 것은 더
# 돌리는 것이고, $-y \bmod 15 = 15 - y$는 네 비트를 모두 뒤집는 것입니다. 15와 서로소인 모든
# $a$는 $\pm 2^k$이므로 모든 곱셈기는 회전과 뒤집기로 만들어집니다. (회로는 $y = 1, \dots, 14$에서만
# 맞으면 됩니다. 위수 찾기는 이 집합을 벗어나지 않습니다.)

# %%
rotate_left = QuantumCircuit(4)  # y -> 2y mod 15
rotate_left.swap(2, 3)
rotate_left.swap(1, 2)
rotate_left.swap(0, 1)
for y in (1, 3, 7, 9):
    out = Statevector.from_int(y, 16).evolve(rotate_left)
    print(y, "->", int(np.argmax(out.probabilities())))

# %% exercise="mod_mult_15"

# %% [markdown] lang="en"
# ## 3. Order finding is phase estimation
#
# The eigenvectors of $U_a$ are $|u_s\rangle = \frac{1}{\sqrt r}\sum_{k=0}^{r-1} e^{-2\pi i sk/r}|a^k \bmod N\rangle$
# with eigenphases $s/r$, $s = 0, \dots, r-1$. We cannot prepare one of them, but we do not need
# to: their uniform superposition is $|1\rangle$. So phase estimation started on $|1\rangle$
# returns $s/r$ for a **random** $s$. With $t$ counting qubits the outcome $y$ is close to
# $2^t s/r$; when $r$ divides $2^t$ (as for $N = 15$) it is exactly a multiple of $2^t/r$.
#
# The controlled powers $U_a^{2^j}$ are just multiplications by $a^{2^j} \bmod N$, which the
# classical computer works out in advance (`pow(a, 2**j, N)`).

# %% [markdown] lang="ko"
# ## 3. 위수 찾기는 위상 추정이다
#
# $U_a$의 고유벡터는 $|u_s\rangle = \frac{1}{\sqrt r}\sum_{k=0}^{r-1} e^{-2\pi i sk/r}|a^k \bmod N\rangle$이고
# 고유 위상은 $s/r$($s = 0, \dots, r-1$)입니다. 이 가운데 하나를 준비할 수는 없지만 그럴 필요도
# 없습니다. 이들의 균일한 중첩이 바로 $|1\rangle$이기 때문입니다. 따라서 $|1\rangle$에서 시작한
# 위상 추정은 **무작위** $s$에 대한 $s/r$를 돌려줍니다. 계수 큐비트가 $t$개이면 결과 $y$는
# $2^t s/r$에 가깝고, $r$이 $2^t$를 나누면($N = 15$처럼) 정확히 $2^t/r$의 배수입니다.
#
# 제어 거듭제곱 $U_a^{2^j}$는 $a^{2^j} \bmod N$을 곱하는 것일 뿐이며, 이 값은 고전 컴퓨터가 미리
# 계산합니다(`pow(a, 2**j, N)`).

# %% exercise="order_finding_circuit"

# %% [markdown] lang="en"
# ## 4. Continued fractions
#
# The measurement gives $y$ with $y/2^t \approx s/r$. Since $r < N$, the fraction $s/r$ is the
# fraction with denominator below $N$ closest to $y/2^t$, and the **continued fraction** expansion
# finds it. Python's `Fraction(y, 2**t).limit_denominator(N - 1)` does exactly that. When $s$ and
# $r$ share a factor the denominator is only a divisor of $r$, so check $a^{r'} \equiv 1$ and, if
# it fails, run again.

# %% [markdown] lang="ko"
# ## 4. 연분수
#
# 측정하면 $y/2^t \approx s/r$인 $y$를 얻습니다. $r < N$이므로 $s/r$은 분모가 $N$보다 작은 분수
# 가운데 $y/2^t$에 가장 가까운 것이고, **연분수**(continued fraction) 전개가 그것을 찾아 줍니다.
# 파이썬의 `Fraction(y, 2**t).limit_denominator(N - 1)`이 바로 그 일을 합니다. $s$와 $r$에 공통
# 인수가 있으면 분모는 $r$의 약수일 뿐이므로, $a^{r'} \equiv 1$인지 확인하고 아니면 다시 실행합니다.

# %%
print(Fraction(192, 256).limit_denominator(14))  # y = 192 with t = 8: s/r = 3/4
print(Fraction(128, 256).limit_denominator(14))  # y = 128: 1/2, only a divisor of r = 4

# %% exercise="order_from_measurement"

# %% [markdown] lang="en"
# ## 5. From the order to the factors, and how often it works
#
# With an even $r$ and $a^{r/2} \not\equiv -1$, the factors are $\gcd(a^{r/2} \pm 1, N)$. For a
# random $a$ this succeeds with probability at least $1/2$ when $N$ has two distinct odd prime
# factors, so a few repetitions suffice.

# %% [markdown] lang="ko"
# ## 5. 위수에서 인수로, 그리고 성공 빈도
#
# $r$이 짝수이고 $a^{r/2} \not\equiv -1$이면 인수는 $\gcd(a^{r/2} \pm 1, N)$입니다. $N$이 서로 다른
# 홀수 소인수 두 개를 가지면 무작위로 고른 $a$에 대해 적어도 $1/2$의 확률로 성공하므로, 몇 번만
# 반복하면 충분합니다.

# %% exercise="factors_from_order"

# %% exercise="lucky_fraction"

# %% [markdown] lang="en"
# ## Summary
#
# - Factoring $N$ reduces to finding the order $r$ of a random $a$ modulo $N$.
# - Order finding is phase estimation of $U_a|y\rangle = |ay \bmod N\rangle$ started on $|1\rangle$;
#   it returns $s/r$ for a random $s$.
# - Continued fractions turn $y/2^t$ into $s/r$; gcds turn $r$ into factors.
# - The quantum part is polynomial; the best known classical factoring algorithms are not.

# %% [markdown] lang="ko"
# ## 정리
#
# - $N$의 소인수분해는 $N$을 법으로 한 무작위 $a$의 위수 $r$ 찾기로 바뀝니다.
# - 위수 찾기는 $|1\rangle$에서 시작한 $U_a|y\rangle = |ay \bmod N\rangle$의 위상 추정이며, 무작위
#   $s$에 대한 $s/r$를 돌려줍니다.
# - 연분수가 $y/2^t$를 $s/r$로, 최대공약수가 $r$을 인수로 바꿉니다.
# - 양자 부분은 다항 시간이지만, 알려진 가장 좋은 고전 소인수분해 알고리즘은 그렇지 않습니다.
