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
# - finish with continued fractions and greatest common divisors, and estimate how often it works;
# - do it all again for $N = 21$, where multiplication is no longer a rotation of bits and the order
#   is not a power of two.

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
# - 곱셈이 더는 비트 회전이 아니고 위수가 2의 거듭제곱이 아닌 $N = 21$에 대해 모든 과정을 다시
#   해 봅니다.

# %%
import math
from fractions import Fraction

import matplotlib.pyplot as plt
from qiskit import transpile
from qiskit.circuit.library import QFTGate, UnitaryGate
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
# The measurement gives $y$ with $y/2^t \approx s/r$. How close is enough? Two different fractions
# with denominators below $N$ differ by more than $1/N^2$. So **if** $|y/2^t - s/r| \le 1/(2N^2)$,
# then $s/r$ (with $r < N$) is the only fraction with denominator below $N$ that close to
# $y/2^t$, hence the closest one, and the **continued fraction** expansion of $y/2^t$ finds it
# (it is one of the expansion's convergents). The nearest outcome is within $1/2^{t+1}$ of $s/r$,
# so $2^t \ge N^2$ counting qubits guarantee the condition for it; with fewer, the closest
# fraction may be another one. Python's `Fraction(y, 2**t).limit_denominator(N - 1)` returns the
# closest fraction with denominator below $N$. Below, $t = 8$ and $2^8 = 256 \ge 15^2$; and since
# every order modulo 15 (1, 2 or 4) divides $2^t$, the outcomes are even exact. When $s$ and $r$ share a factor the
# denominator is only a divisor of $r$, so check $a^{r'} \equiv 1$ and, if it fails, run again.

# %% [markdown] lang="ko"
# ## 4. 연분수
#
# 측정하면 $y/2^t \approx s/r$인 $y$를 얻습니다. 얼마나 가까워야 충분할까요? 분모가 $N$보다 작은
# 서로 다른 두 분수는 $1/N^2$보다 더 차이가 납니다. 그러므로 $|y/2^t - s/r| \le 1/(2N^2)$**이라면**
# ($r < N$인) $s/r$은 분모가 $N$보다 작은 분수 가운데 $y/2^t$에 그만큼 가까운 유일한 분수, 곧 가장
# 가까운 분수이고, $y/2^t$의 **연분수**(continued fraction) 전개가 그것을 찾아 줍니다(전개의 수렴
# 분수 가운데 하나입니다). 가장 가까운 결과는 $s/r$에서 $1/2^{t+1}$ 이내에 있으므로, 계수 큐비트가
# $2^t \ge N^2$을 만족하면 그 결과에 대해 이 조건이 보장됩니다. 그보다 적으면 가장 가까운 분수가 다른
# 분수일 수 있습니다. 파이썬의 `Fraction(y, 2**t).limit_denominator(N - 1)`은 분모가 $N$보다 작은
# 분수 가운데 가장 가까운 것을 돌려줍니다. 아래에서는 $t = 8$이고 $2^8 = 256 \ge 15^2$이며, 15를
# 법으로 한 위수(1, 2, 4)는 모두 $2^t$를 나누므로 결과가 정확하기까지 합니다. $s$와 $r$에 공통 인수가 있으면 분모는 $r$의 약수일
# 뿐이므로, $a^{r'} \equiv 1$인지 확인하고 아니면 다시 실행합니다.

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
# ## 6. A second modulus: N = 21
#
# For $N = 15$ every multiplier was a rotation of the bits, because $2^4 = 16 \equiv 1 \pmod{15}$:
# the bit that falls off the top of a 4-bit number is worth 16, and 16 is the same as 1, so it
# simply re-enters at the bottom. For $N = 21$ we need five qubits (they hold $0, \dots, 31$), and
# $2^5 = 32 \equiv 11 \pmod{21}$, not 1. Doubling modulo 21 is therefore not a rotation: whenever
# $2y \ge 21$ we must subtract 21, which changes several bits at once (for example
# $2 \cdot 11 = 22 \equiv 1$ takes $01011$ to $00001$). What survives is the structure of a
# permutation: the numbers $1, \dots, 20$ fall into **cycles** of $y \mapsto 2y \bmod 21$.

# %% [markdown] lang="ko"
# ## 6. 두 번째 법: N = 21
#
# $N = 15$에서는 모든 곱셈기가 비트의 회전이었습니다. $2^4 = 16 \equiv 1 \pmod{15}$이므로, 4비트
# 수의 맨 위에서 밀려난 비트는 16의 값을 갖는데 16은 1과 같아서 그대로 맨 아래로 다시 들어오기
# 때문입니다. $N = 21$에는 큐비트 다섯 개가 필요하고(이들이 $0, \dots, 31$을 담습니다),
# $2^5 = 32 \equiv 11 \pmod{21}$은 1이 아닙니다. 따라서 21을 법으로 두 배 하기는 회전이 아닙니다.
# $2y \ge 21$일 때마다 21을 빼야 하고, 이 뺄셈은 여러 비트를 한꺼번에 바꿉니다(예를 들어
# $2 \cdot 11 = 22 \equiv 1$은 $01011$을 $00001$로 보냅니다). 그래도 남는 것은 순열의 구조입니다.
# $1, \dots, 20$은 $y \mapsto 2y \bmod 21$의 **순환**(cycle)들로 나뉩니다.


# %%
def cycles_of_multiplication(a: int, n_mod: int) -> list[list[int]]:
    """The cycles of y -> a*y mod n_mod on 1 .. n_mod - 1 (gcd(a, n_mod) = 1)."""
    seen, cycles = set(), []
    for start in range(1, n_mod):
        if start not in seen:
            cycle = [start]
            while a * cycle[-1] % n_mod != start:
                cycle.append(a * cycle[-1] % n_mod)
            seen.update(cycle)
            cycles.append(cycle)
    return cycles


print(cycles_of_multiplication(2, 15))
print(cycles_of_multiplication(2, 21))
print(format(11, "05b"), "->", format(2 * 11 % 21, "05b"))

# %% [markdown] lang="en"
# We build multiplication by $a$ modulo 21 as a permutation of the basis states $|0\rangle, \dots,
# |20\rangle$ and leave $|21\rangle, \dots, |31\rangle$ where they are. The whole 5-qubit operator is
# then a permutation matrix, hence unitary, and it can later be controlled without surprises.
#
# A cycle $c_0 \to c_1 \to \dots \to c_k \to c_0$ is a product of **transpositions**: swap
# $c_0 \leftrightarrow c_1$ first, then $c_0 \leftrightarrow c_2$, and so on up to
# $c_0 \leftrightarrow c_k$. (Follow $c_1$: the first swap sends it to $c_0$, the second on to
# $c_2$, and no later swap touches it.) So everything reduces to one operation: exchanging two
# basis states $|u\rangle \leftrightarrow |v\rangle$ and nothing else. Three steps do it:
#
# 1. Choose a bit $p$ in which $u$ and $v$ differ, with $u_p = 0$ (rename them if needed). For
#    every other bit $q$ in which they differ, apply a CNOT from $p$ to $q$. This leaves $u$
#    alone (its bit $p$ is 0) and turns $v$ into $v'$, which differs from $u$ only in bit $p$.
# 2. Apply X to qubit $p$, controlled on the other four qubits holding the bits of $u$: a
#    **multi-controlled X** with a control state, `mcx(controls, p, ctrl_state=...)`. Only $u$ and
#    $v'$ match these controls, so exactly these two states are exchanged.
# 3. Undo step 1 with the same CNOTs in reverse order.
#
# Steps 1 and 3 move other basis states too, but step 3 puts each of them back, so the net effect
# is the transposition alone. In Qiskit, bit $i$ of an integer `ctrl_state` is the value required on
# `controls[i]`. Here is $|4\rangle \leftrightarrow |8\rangle$: $4 = 00100$ and $8 = 01000$ differ
# in bits 2 and 3, and $u = 4$ has a 0 in bit 3.

# %% [markdown] lang="ko"
# 21을 법으로 $a$를 곱하는 연산을 기저 상태 $|0\rangle, \dots, |20\rangle$의 순열로 만들고,
# $|21\rangle, \dots, |31\rangle$은 그대로 둡니다. 그러면 5큐비트 연산자 전체가 순열 행렬, 곧
# 유니터리가 되고, 나중에 제어 연산으로 만들어도 뜻밖의 일이 생기지 않습니다.
#
# 순환 $c_0 \to c_1 \to \dots \to c_k \to c_0$는 **호환**(transposition), 곧 두 원소 맞바꾸기의
# 곱입니다. 먼저 $c_0 \leftrightarrow c_1$을 맞바꾸고, 다음에 $c_0 \leftrightarrow c_2$, 이렇게
# $c_0 \leftrightarrow c_k$까지 이어 갑니다. ($c_1$을 따라가 보세요. 첫 번째 교환이 $c_1$을
# $c_0$으로 보내고, 두 번째 교환이 다시 $c_2$로 보내며, 그 뒤의 교환은 건드리지 않습니다.) 결국
# 모든 것이 한 가지 연산, 곧 두 기저 상태 $|u\rangle \leftrightarrow |v\rangle$만 맞바꾸고 나머지는
# 그대로 두는 연산으로 귀결됩니다. 세 단계면 됩니다.
#
# 1. $u$와 $v$가 다른 비트 가운데 $u_p = 0$인 비트 $p$를 고릅니다(필요하면 두 이름을 바꿉니다).
#    두 수가 다른 나머지 비트 $q$마다 $p$에서 $q$로 CNOT을 적용합니다. $u$는 비트 $p$가 0이므로
#    그대로이고, $v$는 $u$와 비트 $p$에서만 다른 $v'$이 됩니다.
# 2. 나머지 네 큐비트가 $u$의 비트 값을 가질 때에만 큐비트 $p$에 X를 적용합니다. 제어 상태를
#    지정한 **다중 제어 X**(multi-controlled X), `mcx(controls, p, ctrl_state=...)`입니다. 이 제어
#    조건에 맞는 것은 $u$와 $v'$뿐이므로 정확히 이 두 상태만 맞바뀝니다.
# 3. 1단계의 CNOT을 거꾸로 된 순서로 다시 적용해 되돌립니다.
#
# 1단계와 3단계는 다른 기저 상태도 움직이지만, 3단계가 그것들을 모두 제자리로 돌려놓으므로
# 전체 효과는 호환 하나뿐입니다. Qiskit에서 정수 `ctrl_state`의 비트 $i$는 `controls[i]`에
# 요구되는 값입니다. 다음은 $|4\rangle \leftrightarrow |8\rangle$입니다. $4 = 00100$과
# $8 = 01000$은 비트 2와 3에서 다르고, $u = 4$는 비트 3이 0입니다.

# %%
swap_4_8 = QuantumCircuit(5)
swap_4_8.cx(3, 2)  # |8> = |01000> becomes |01100>, which differs from |4> only in bit 3
swap_4_8.mcx([0, 1, 2, 4], 3, ctrl_state=0b0100)  # controls 0, 1, 2, 4 must read 0, 0, 1, 0
swap_4_8.cx(3, 2)

transposition = np.eye(32)
transposition[[4, 8]] = transposition[[8, 4]]
print(np.allclose(Operator(swap_4_8).data, transposition))
swap_4_8.draw("mpl")

# %% exercise="mod_mult_21"

# %% [markdown] lang="en"
# ### Why real implementations use adders
#
# Building $U_a$ from its table of values is fine for five qubits, but it does not scale. A
# permutation of $N$ states can need up to $N - 1$ transpositions, each with a multi-controlled X
# on all $n = \lceil \log_2 N \rceil$ qubits, so the gate count grows like $N$: exponentially in
# the number of digits, which would throw away the whole speed-up. Worse, writing the table down
# requires computing $a y \bmod N$ for every $y$, and order finding needs a different table for
# every power $a^{2^j}$. (Published small demonstrations, for 15 and 21 among others, often used
# such simplified circuits, designed with the answer already known.)
#
# A scalable implementation computes $a y \bmod N$ with arithmetic circuits: reversible adders
# (ripple-carry adders built from Toffoli and CNOT gates, or adders working in the Fourier basis),
# combined into a modular adder, then into a controlled modular multiplier. The powers
# $a^{2^j} \bmod N$ are just different classical constants fed to the same circuit. Such
# constructions use about $2n$ to $3n$ qubits and on the order of $n^3$ gates for the whole of order
# finding (up to logarithmic factors): polynomial in the number of digits, as Shor's algorithm
# promises.

# %% [markdown] lang="ko"
# ### 실제 구현이 덧셈기를 쓰는 이유
#
# 값의 표로부터 $U_a$를 만드는 방법은 큐비트 다섯 개에서는 괜찮지만 규모를 키울 수 없습니다.
# $N$개 상태의 순열에는 호환이 최대 $N - 1$개 필요하고, 각 호환에는 $n = \lceil \log_2 N \rceil$개
# 큐비트 전체에 걸친 다중 제어 X가 들어가므로, 게이트 수가 $N$에 비례해 늘어납니다. 자릿수에 대해
# 지수적이어서 속도 향상이 모두 사라집니다. 게다가 표를 적으려면 모든 $y$에 대해 $a y \bmod N$을
# 계산해야 하고, 위수 찾기는 거듭제곱 $a^{2^j}$마다 다른 표를 요구합니다. (15나 21 등을 대상으로
# 발표된 소규모 시연은 답을 미리 알고 설계한 이런 단순화된 회로를 쓴 경우가 많습니다.)
#
# 규모를 키울 수 있는 구현은 $a y \bmod N$을 산술 회로로 계산합니다. 가역 덧셈기(토폴리와 CNOT으로
# 만드는 리플 캐리 덧셈기, 또는 푸리에 기저에서 동작하는 덧셈기)를 모아 모듈러 덧셈기를 만들고, 이를
# 다시 제어 모듈러 곱셈기로 엮습니다. 거듭제곱 $a^{2^j} \bmod N$은 같은 회로에 넣는 서로 다른 고전
# 상수일 뿐입니다. 이런 구성은 위수 찾기 전체에 큐비트 약 $2n$에서 $3n$개와 (로그 인수를 빼면) $n^3$
# 정도의 게이트를 씁니다. 쇼어 알고리즘이 약속한 대로 자릿수에 대한 다항식 규모입니다.

# %% [markdown] lang="en"
# ### Order finding for N = 21
#
# Take $a = 2$. Its powers modulo 21 are $2, 4, 8, 16, 11, 1$, so its order is $r = 6$. Phase
# estimation returns the phase $s/6$ for a random $s \in \{0, \dots, 5\}$, but 6 does not divide
# $2^t$: apart from $s = 0$ and $s = 3$, the phase $s/6$ has no exact $t$-bit binary expansion. The
# inverse QFT then cannot put all the probability on one outcome. For an eigenphase $\varphi$ the
# outcome $m$ has probability $\left|\frac{1}{2^t}\sum_{k=0}^{2^t-1} e^{2\pi i k(\varphi - m/2^t)}\right|^2$,
# a peak on the integers nearest to $2^t\varphi$ (the nearest one alone gets at least
# $4/\pi^2 \approx 0.405$) with tails on its neighbours. Since $|1\rangle$ is the uniform
# superposition of the $r$ eigenvectors, the outcome distribution is the average over $s$:
#
# $$P(m) = \frac{1}{r}\sum_{s=0}^{r-1}\left|\frac{1}{2^t}\sum_{k=0}^{2^t-1} e^{2\pi i k (s/r - m/2^t)}\right|^2 .$$
#
# With $t = 8$ the peaks sit near $256 s/6 \approx 0, 42.7, 85.3, 128, 170.7, 213.3$. More counting
# qubits make them sharper; $2^t \ge N^2$ guarantees that the nearest outcome is always close enough
# for continued fractions to find $s/r$.

# %% [markdown] lang="ko"
# ### N = 21의 위수 찾기
#
# $a = 2$를 택합니다. 21을 법으로 한 거듭제곱은 $2, 4, 8, 16, 11, 1$이므로 위수는 $r = 6$입니다.
# 위상 추정은 무작위 $s \in \{0, \dots, 5\}$에 대한 위상 $s/6$을 돌려주지만, 6은 $2^t$를 나누지
# 않습니다. $s = 0$과 $s = 3$을 빼면 $s/6$은 $t$비트 이진 소수로 정확히 나타낼 수 없습니다. 그래서
# 역 QFT는 확률을 결과 하나에 모두 모을 수 없습니다. 고유 위상 $\varphi$에 대해 결과 $m$의 확률은
# $\left|\frac{1}{2^t}\sum_{k=0}^{2^t-1} e^{2\pi i k(\varphi - m/2^t)}\right|^2$이며, $2^t\varphi$에
# 가장 가까운 정수들에 봉우리가 서고(가장 가까운 정수 하나의 확률만 해도 적어도
# $4/\pi^2 \approx 0.405$입니다) 이웃한 값들로 꼬리가 퍼집니다. $|1\rangle$은 고유벡터 $r$개의 균일한
# 중첩이므로, 결과 분포는 $s$에 대한 평균입니다.
#
# $$P(m) = \frac{1}{r}\sum_{s=0}^{r-1}\left|\frac{1}{2^t}\sum_{k=0}^{2^t-1} e^{2\pi i k (s/r - m/2^t)}\right|^2 .$$
#
# $t = 8$이면 봉우리는 $256 s/6 \approx 0, 42.7, 85.3, 128, 170.7, 213.3$ 근처에 섭니다. 계수
# 큐비트를 늘리면 봉우리가 더 날카로워지고, $2^t \ge N^2$이면 가장 가까운 결과가 언제나 연분수로
# $s/r$을 찾을 수 있을 만큼 가깝다는 것이 보장됩니다.

# %% exercise="order_finding_21"

# %% [markdown] lang="en"
# Here is the run for $a = 2$ with $t = 8$ counting qubits (13 qubits in all). To keep the lesson
# fast, each controlled multiplication is handed to the simulator as its $64 \times 64$ permutation
# matrix; your gate-level `mod_mult_21` would give the same distribution, only more slowly. The bars
# are the sampled frequencies, the dots the exact $P(m)$, and the dotted lines mark $256 s/6$. The
# circuit is run twice, with `backend.run(...)` and with Aer's **Sampler** primitive (`SamplerV2`
# from `qiskit_aer.primitives`, module 2), as a program for IBM hardware would run it; with the
# same seed both give the same counts, and the comparison prints `True`.

# %% [markdown] lang="ko"
# 계수 큐비트 $t = 8$개(모두 13큐비트)로 $a = 2$를 실행한 결과입니다. 수업을 빠르게 진행하려고
# 제어 곱셈 하나하나를 $64 \times 64$ 순열 행렬로 시뮬레이터에 넘깁니다. 게이트로 만든 여러분의
# `mod_mult_21`도 같은 분포를 주지만 더 느릴 뿐입니다. 막대는 표본에서 얻은 빈도, 점은 정확한
# $P(m)$이고, 점선은 $256 s/6$의 위치입니다. 회로는 두 번 실행합니다. `backend.run(...)`으로 한 번,
# IBM 하드웨어용 프로그램처럼 Aer의 **Sampler** 프리미티브(`qiskit_aer.primitives`의 `SamplerV2`,
# 모듈 2)로 한 번입니다. 시드가 같으면 두 실행의 집계가 같으므로 비교 결과는 `True`입니다.


# %%
from qiskit_aer.primitives import SamplerV2


def controlled_multiplication(b: int) -> UnitaryGate:
    """Controlled |y> -> |b*y mod 21> (y < 21) on 6 qubits; the control is the gate's qubit 0."""
    matrix = np.zeros((64, 64))
    for index in range(64):
        control, y = index & 1, index >> 1
        image = (b * y % 21) if control and y < 21 else y
        matrix[(image << 1) | control, index] = 1
    return UnitaryGate(matrix, label=f"c×{b}")


t, shots = 8, 4000
shor_21 = QuantumCircuit(t + 5, t)
shor_21.x(t)
shor_21.h(range(t))
for j in range(t):
    shor_21.append(controlled_multiplication(pow(2, 2**j, 21)), [j, *range(t, t + 5)])
shor_21.append(QFTGate(t).inverse(), range(t))
shor_21.measure(range(t), range(t))
backend = AerSimulator(seed_simulator=21)
counts_21 = backend.run(transpile(shor_21, backend), shots=shots).result().get_counts()
bits_21 = SamplerV2(seed=21).run([transpile(shor_21, backend)], shots=shots).result()[0].data.c
print(bits_21.get_counts() == counts_21)

outcomes = np.arange(2**t)
exact_21 = np.zeros(2**t)
for s in range(6):
    amplitudes = np.exp(2j * np.pi * np.outer(s / 6 - outcomes / 2**t, outcomes)).sum(axis=1) / 2**t
    exact_21 += np.abs(amplitudes) ** 2 / 6
sampled_21 = np.zeros(2**t)
for bits, count in counts_21.items():
    sampled_21[int(bits, 2)] = count / shots

fig, ax = plt.subplots(figsize=(9, 3))
ax.bar(outcomes, sampled_21, width=1.0, color="tab:blue")
ax.plot(outcomes, exact_21, ".", color="tab:red", markersize=4)
for s in range(6):
    ax.axvline(2**t * s / 6, color="gray", linestyle=":", linewidth=1)
ax.set_xlabel("$m$")
ax.set_ylabel("$P(m)$")
ax.set_xlim(-2, 2**t + 1)
plt.show()

# %% [markdown] lang="en"
# Below, the twelve most frequent outcomes are printed as $m$, its count and the fraction that
# continued fractions make of $m/256$ with a denominator below 21; then $2^3 \bmod 21$ and the two
# factors; and last a histogram of the same twelve outcomes (labels are $m$ in binary). The
# outcomes near $256/6$ and $5 \cdot 256/6$ give $1/6$ and $5/6$, and hence $r = 6$ directly, while
# those near $256/3$, $128$ and $2 \cdot 256/3$ give only the divisors 3 and 2 of $r$ (the
# `order_from_measurement` check of multiples repairs them). An outcome far out in a tail can give
# a wrong fraction (212 gives $14/17$); the check $a^{r} \equiv 1$ rejects it. With $r = 6$:
# $2^{r/2} = 8 \not\equiv -1 \pmod{21}$, and $\gcd(8 - 1, 21) = 7$, $\gcd(8 + 1, 21) = 3$.

# %% [markdown] lang="ko"
# 아래에는 가장 자주 나온 결과 12개를 $m$, 나온 횟수, 연분수가 $m/256$으로부터 만든 분모 21 미만의
# 분수 순으로 출력합니다. 이어서 $2^3 \bmod 21$과 두 인수를 출력하고, 마지막으로 같은 12개 결과를
# 히스토그램(레이블은 $m$의 이진 표기)으로 보입니다. $256/6$과 $5 \cdot 256/6$ 근처의 결과는 $1/6$과 $5/6$을 주어 곧바로 $r = 6$을 알려 주고, $256/3$, $128$, $2 \cdot 256/3$ 근처의
# 결과는 $r$의 약수 3과 2만 줍니다(`order_from_measurement`의 배수 확인이 이를 바로잡습니다).
# 꼬리 멀리 떨어진 결과는 엉뚱한 분수를 줄 수도 있지만(212는 $14/17$을 줍니다), $a^{r} \equiv 1$
# 확인이 이를 걸러 냅니다.
# $r = 6$이면 $2^{r/2} = 8 \not\equiv -1 \pmod{21}$이고, $\gcd(8 - 1, 21) = 7$,
# $\gcd(8 + 1, 21) = 3$입니다.

# %%
most_frequent = sorted(counts_21, key=counts_21.get, reverse=True)[:12]
for bits in most_frequent:
    m = int(bits, 2)
    print(m, counts_21[bits], Fraction(m, 2**t).limit_denominator(20))
print(pow(2, 3, 21), math.gcd(2**3 - 1, 21), math.gcd(2**3 + 1, 21))
plot_histogram({bits: counts_21[bits] for bits in most_frequent}, sort="value_desc")

# %% [markdown] lang="en"
# ### How often one run succeeds
#
# The exact distribution also tells how likely a single run is to be useful. A run gives $r = 6$
# as the continued-fraction denominator only when $s = 1$ or $s = 5$ and the outcome falls on the
# peak; it gives a proper divisor of 6 for $s = 2, 3, 4$. The code below sums $P(m)$ over both
# kinds of outcome: the first number is what a bare continued fraction achieves, the second what
# checking small multiples adds. Multiplied by the chance that the base $a$ is lucky (section 5),
# this is the success probability of one round of Shor's algorithm. It decreases at most very
# slowly as $N$ grows (the share of $s$ coprime to $r$ falls only like $1/\log\log N$), so a
# modest number of repetitions suffices.

# %% [markdown] lang="ko"
# ### 한 번의 실행이 성공할 확률
#
# 정확한 분포로 한 번의 실행이 쓸모 있을 확률도 알 수 있습니다. 연분수의 분모로 $r = 6$이 바로
# 나오는 것은 $s = 1$이나 $s = 5$이고 결과가 봉우리에 떨어질 때뿐이며, $s = 2, 3, 4$이면 6의
# 진약수가 나옵니다. 아래 코드는 두 종류의 결과에 대해 $P(m)$을 더합니다. 첫 번째 값은 연분수만으로
# 얻는 확률이고, 두 번째 값은 작은 배수까지 확인했을 때의 확률입니다. 여기에 밑 $a$가 운 좋은 밑일
# 확률(5절)을 곱하면 쇼어 알고리즘 한 회의 성공 확률이 됩니다. 이 확률은 $N$이 커져도 아주 느리게만
# 줄어들므로($r$과 서로소인 $s$의 비율은 $1/\log\log N$ 정도로만 줄어듭니다), 적당한 횟수만
# 반복하면 충분합니다.

# %%
denominators = [Fraction(int(m), 2**t).limit_denominator(20).denominator for m in outcomes]
p_exact_order = sum(p for p, d in zip(exact_21, denominators, strict=True) if d == 6)
p_with_multiples = sum(p for p, d in zip(exact_21, denominators, strict=True) if d in (2, 3, 6))
print(round(p_exact_order, 3), round(p_with_multiples, 3))

# %% [markdown] lang="en"
# ## Summary
#
# - Factoring $N$ reduces to finding the order $r$ of a random $a$ modulo $N$.
# - Order finding is phase estimation of $U_a|y\rangle = |ay \bmod N\rangle$ started on $|1\rangle$;
#   it returns $s/r$ for a random $s$.
# - Continued fractions turn $y/2^t$ into $s/r$ when $|y/2^t - s/r| \le 1/(2N^2)$ (guaranteed for
#   the nearest outcome when $2^t \ge N^2$); gcds turn $r$ into factors.
# - Any modular multiplier is a permutation of basis states and can be built from transpositions
#   (CNOTs and a multi-controlled X each), but only at a cost growing like $N$; scalable versions
#   use adders. When $r$ does not divide $2^t$ (as for $N = 21$) the outcomes spread around
#   $2^t s/r$, and continued fractions still find $s/r$.
# - The quantum part is polynomial; the best known classical factoring algorithms are not.

# %% [markdown] lang="ko"
# ## 정리
#
# - $N$의 소인수분해는 $N$을 법으로 한 무작위 $a$의 위수 $r$ 찾기로 바뀝니다.
# - 위수 찾기는 $|1\rangle$에서 시작한 $U_a|y\rangle = |ay \bmod N\rangle$의 위상 추정이며, 무작위
#   $s$에 대한 $s/r$를 돌려줍니다.
# - $|y/2^t - s/r| \le 1/(2N^2)$이면(가장 가까운 결과는 $2^t \ge N^2$일 때 이 조건이 보장됩니다)
#   연분수가 $y/2^t$를 $s/r$로 바꾸고, 최대공약수가 $r$을 인수로 바꿉니다.
# - 모듈러 곱셈기는 모두 기저 상태의 순열이므로 호환(각각 CNOT 몇 개와 다중 제어 X 하나)으로 만들
#   수 있지만, 비용이 $N$에 비례해 늘어납니다. 규모를 키울 수 있는 구현은 덧셈기를 씁니다. $r$이
#   $2^t$를 나누지 않으면($N = 21$처럼) 결과가 $2^t s/r$ 주변으로 퍼지지만, 연분수는 여전히
#   $s/r$을 찾아냅니다.
# - 양자 부분은 다항 시간이지만, 알려진 가장 좋은 고전 소인수분해 알고리즘은 그렇지 않습니다.
