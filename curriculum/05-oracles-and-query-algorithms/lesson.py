# %% [markdown] lang="en"
# # Oracles and query algorithms
#
# The first algorithms that beat every classical method did not factor numbers or search
# databases. They answered questions about a **black box**: a function $f$ that we may call but
# not open. What we count is the number of **queries**, the calls to $f$. In this module you will
#
# - turn a classical Boolean function into a quantum **oracle**, in two forms: the *bit-flip*
#   oracle and the *phase* oracle;
# - see **phase kickback**, the trick that moves an answer from a target qubit into a phase;
# - build the **Deutsch–Jozsa** and **Bernstein–Vazirani** circuits, which need a single query
#   where a classical computer needs many;
# - run **Simon's algorithm** and finish it with classical linear algebra.
#
# Every oracle you write is graded on *every* input, and every algorithm on its outcome and on the
# number of times it calls the oracle.

# %% [markdown] lang="ko"
# # 오라클과 질의 알고리즘
#
# 모든 고전적 방법을 처음으로 앞지른 양자 알고리즘은 수를 소인수분해하거나 데이터베이스를 검색하지
# 않았습니다. 그 알고리즘들은 **블랙박스**(black box)에 관한 질문에 답했습니다. 블랙박스란 호출할
# 수는 있지만 열어 볼 수는 없는 함수 $f$입니다. 여기서 세는 것은 $f$를 부르는 횟수, 곧
# **질의**(query) 횟수입니다. 이 모듈에서는 다음을 합니다.
#
# - 고전 불 함수(Boolean function)를 양자 **오라클**(oracle)로 바꿉니다. 형태는 두 가지로,
#   *비트 반전*(bit-flip) 오라클과 *위상*(phase) 오라클입니다.
# - 표적 큐비트에 있던 답을 위상으로 옮기는 기법인 **위상 킥백**(phase kickback)을 봅니다.
# - 고전 컴퓨터라면 여러 번 질의해야 하는 문제를 한 번의 질의로 푸는 **도이치–조사**(Deutsch–Jozsa)
#   회로와 **번스타인–바지라니**(Bernstein–Vazirani) 회로를 만듭니다.
# - **사이먼 알고리즘**(Simon's algorithm)을 실행하고 고전 선형대수로 마무리합니다.
#
# 여러분이 만든 오라클은 *모든* 입력에서 채점되고, 알고리즘은 결과와 오라클 호출 횟수로 채점됩니다.

# %%
from qiskit import transpile
from qiskit.circuit import Gate
from qiskit.visualization import plot_histogram
from qiskit_aer import AerSimulator

# %% [markdown] lang="en"
# ## 1. From a function to a reversible circuit
#
# Take a Boolean function $f:\{0,1\}^n \to \{0,1\}$. A quantum circuit must be reversible, and
# $x \mapsto f(x)$ usually is not (many inputs give the same output). The standard way out keeps
# the input and writes the answer into an extra **target** qubit with XOR:
#
# $$U_f\,|x\rangle|y\rangle = |x\rangle\,|y \oplus f(x)\rangle .$$
#
# This is the **bit-flip oracle**: it flips the target exactly when $f(x)=1$. Applying it twice
# gives back $|x\rangle|y\rangle$, so it is its own inverse.
#
# **Conventions in this course.** The input $x$ lives on qubits $0,\dots,n-1$ and the target on
# qubit $n$. The input bitstring is written the way Qiskit prints it: the **rightmost** character
# is qubit 0. So for $n=3$ the label `"110"` means $x_2=1, x_1=1, x_0=0$, the integer 6.
#
# The simplest non-trivial oracle is for $f(x) = x_0 \wedge x_1$ (AND): a Toffoli gate (`ccx`)
# with controls on qubits 0 and 1 and target qubit 2. Let us check its truth table by simulating
# every input.

# %% [markdown] lang="ko"
# ## 1. 함수에서 가역 회로로
#
# 불 함수 $f:\{0,1\}^n \to \{0,1\}$을 생각해 봅시다. 양자 회로는 가역적이어야 하는데,
# $x \mapsto f(x)$는 대개 가역적이지 않습니다(여러 입력이 같은 출력을 냅니다). 표준적인 해결책은
# 입력을 그대로 두고, 추가한 **목표**(target) 큐비트에 답을 XOR로 써 넣는 것입니다.
#
# $$U_f\,|x\rangle|y\rangle = |x\rangle\,|y \oplus f(x)\rangle .$$
#
# 이것이 **비트 반전 오라클**입니다. $f(x)=1$일 때에만 표적 큐비트를 뒤집습니다. 두 번 적용하면
# $|x\rangle|y\rangle$로 돌아오므로 자기 자신이 역연산입니다.
#
# **이 과정의 약속.** 입력 $x$는 큐비트 $0,\dots,n-1$에, 목표는 큐비트 $n$에 둡니다. 입력
# 비트열은 Qiskit이 출력하는 방식대로 씁니다. 즉 **가장 오른쪽** 글자가 큐비트 0입니다. 예를 들어
# $n=3$일 때 레이블 `"110"`은 $x_2=1, x_1=1, x_0=0$, 곧 정수 6을 뜻합니다.
#
# 가장 간단하면서도 의미 있는 오라클은 $f(x) = x_0 \wedge x_1$(AND)의 오라클입니다. 큐비트 0과
# 1을 제어로, 큐비트 2를 목표로 하는 토폴리 게이트(`ccx`) 하나면 됩니다. 모든 입력을 시뮬레이션해
# 진리표를 확인해 봅시다.

# %%
and_oracle = QuantumCircuit(3)
and_oracle.ccx(0, 1, 2)

for x in range(4):
    label = format(x, "02b")  # input on qubits 1,0; target (qubit 2) starts in |0>
    state = Statevector.from_label("0" + label).evolve(and_oracle)
    outcomes = {str(k): round(float(v), 3) for k, v in state.probabilities_dict().items()}
    print(label, "->", outcomes)
and_oracle.draw("mpl")

# %% [markdown] lang="en"
# Only the input `11` flips the target: the output label `111` has probability 1. Any $f$ can be
# written this way. For each input $a$ with $f(a)=1$, flip the target when $x=a$: a
# multi-controlled X (`mcx`) whose controls fire on the bit pattern $a$ (surround the controls
# that should fire on 0 with X gates). In practice we look for a shorter circuit, like the single
# Toffoli above.

# %% [markdown] lang="ko"
# 입력 `11`만 표적 큐비트를 뒤집습니다. 출력 레이블 `111`의 확률이 1입니다. 어떤 $f$든 이렇게
# 쓸 수 있습니다. $f(a)=1$인 입력 $a$마다 $x=a$일 때 목표를 뒤집으면 됩니다. 즉 비트 패턴 $a$에서
# 작동하는 다중 제어 X(`mcx`) 게이트를 씁니다(0에서 작동해야 하는 제어 큐비트는 앞뒤를 X 게이트로
# 감쌉니다). 실제로는 위의 토폴리 하나처럼 더 짧은 회로를 찾습니다.

# %% exercise="and_oracle"

# %% [markdown] lang="en"
# A second family of functions will matter a lot in this module: the **inner product** with a
# secret string $s$,
#
# $$f_s(x) = s \cdot x \bmod 2 = s_0x_0 \oplus s_1x_1 \oplus \dots \oplus s_{n-1}x_{n-1}.$$
#
# Its bit-flip oracle needs no multi-controlled gate at all: XOR is addition mod 2, so one CNOT
# from each input qubit $i$ with $s_i = 1$ into the target does the job.

# %% [markdown] lang="ko"
# 이 모듈에서 아주 중요한 두 번째 함수족은 비밀 문자열 $s$와의 **내적**(inner product)입니다.
#
# $$f_s(x) = s \cdot x \bmod 2 = s_0x_0 \oplus s_1x_1 \oplus \dots \oplus s_{n-1}x_{n-1}.$$
#
# 이 함수의 비트 반전 오라클에는 다중 제어 게이트가 전혀 필요 없습니다. XOR은 2를 법으로 한
# 덧셈이므로, $s_i = 1$인 입력 큐비트 $i$마다 표적 큐비트로 CNOT을 하나씩 걸면 됩니다.

# %% exercise="inner_product_oracle"

# %% [markdown] lang="en"
# ## 2. Phase oracles
#
# The second form of oracle writes the answer into a **sign**:
#
# $$O_f\,|x\rangle = (-1)^{f(x)}\,|x\rangle .$$
#
# A phase oracle needs no target qubit. On a single basis state the sign is a global phase and
# cannot be seen, but on a superposition it becomes a *relative* phase, which interference can
# turn into a measurable difference. That is how every algorithm in this module works.
#
# Example: the phase oracle of $f(x) = x_0 \wedge x_1$ is a single CZ gate, since CZ multiplies
# exactly $|11\rangle$ by $-1$. To mark another single input, say `01` ($x_1=0, x_0=1$), flip the
# qubits that should be 0 with X, apply CZ, and flip them back.

# %% [markdown] lang="ko"
# ## 2. 위상 오라클
#
# 두 번째 형태의 오라클은 답을 **부호**에 기록합니다.
#
# $$O_f\,|x\rangle = (-1)^{f(x)}\,|x\rangle .$$
#
# 위상 오라클에는 표적 큐비트가 필요 없습니다. 기저 상태 하나에서는 이 부호가 전역 위상이라서
# 보이지 않지만, 중첩 상태에서는 *상대* 위상이 되고, 간섭을 이용하면 측정 가능한 차이로 바꿀 수
# 있습니다. 이 모듈의 모든 알고리즘이 이렇게 동작합니다.
#
# 예: $f(x) = x_0 \wedge x_1$의 위상 오라클은 CZ 게이트 하나입니다. CZ는 정확히 $|11\rangle$에만
# $-1$을 곱하기 때문입니다. 다른 입력 하나, 예컨대 `01`($x_1=0, x_0=1$)을 표시하려면 0이어야 하는
# 큐비트를 X로 뒤집고, CZ를 적용한 뒤, 다시 뒤집어 놓으면 됩니다.

# %%
mark_01 = QuantumCircuit(2)
mark_01.x(1)
mark_01.cz(0, 1)
mark_01.x(1)
print(np.round(Operator(mark_01).data.diagonal().real, 3))  # signs for inputs 00, 01, 10, 11

# %% [markdown] lang="en"
# The printed diagonal is indexed by the integer value of the input: positions 0, 1, 2, 3 are the
# labels `00`, `01`, `10`, `11`. Only position 1, the label `01`, carries the minus sign.

# %% [markdown] lang="ko"
# 출력된 대각 성분은 입력의 정숫값 순서로 놓여 있습니다. 위치 0, 1, 2, 3은 레이블 `00`, `01`,
# `10`, `11`입니다. 위치 1, 곧 레이블 `01`에만 음의 부호가 붙어 있습니다.

# %% exercise="mark_one_input"

# %% [markdown] lang="en"
# ## 3. Phase kickback
#
# What happens if the target of a bit-flip oracle starts in
# $|-\rangle = (|0\rangle - |1\rangle)/\sqrt2$ instead of $|0\rangle$? XOR-ing $f(x)$ into
# $|-\rangle$ swaps its two terms when $f(x)=1$, and swapping them is the same as multiplying
# by $-1$:
#
# $$U_f\,|x\rangle|-\rangle = (-1)^{f(x)}\,|x\rangle|-\rangle .$$
#
# The target is unchanged; the sign has been **kicked back** onto the input register. So a
# bit-flip oracle plus one ancilla in $|-\rangle$ *is* a phase oracle. The ancilla can be
# prepared from $|0\rangle$ with X then H, and returned to $|0\rangle$ afterwards with H then X,
# so that it leaves the computation clean.

# %% [markdown] lang="ko"
# ## 3. 위상 킥백
#
# 비트 반전 오라클의 표적 큐비트가 $|0\rangle$ 대신 $|-\rangle = (|0\rangle - |1\rangle)/\sqrt2$에서
# 시작하면 어떻게 될까요? $|-\rangle$에 $f(x)$를 XOR하면 $f(x)=1$일 때 두 항이 서로 바뀌는데, 두
# 항을 바꾸는 것은 $-1$을 곱하는 것과 같습니다.
#
# $$U_f\,|x\rangle|-\rangle = (-1)^{f(x)}\,|x\rangle|-\rangle .$$
#
# 표적 큐비트는 그대로이고, 부호가 입력 레지스터로 **킥백**되었습니다. 따라서 비트 반전 오라클에
# $|-\rangle$ 상태의 보조 큐비트(ancilla) 하나를 더하면 그것이 *곧* 위상 오라클입니다. 보조
# 큐비트는 $|0\rangle$에서 X, H 순서로 준비하고, 끝나면 H, X 순서로 다시 $|0\rangle$으로 돌려
# 놓아서 계산에 흔적을 남기지 않게 합니다.

# %%
kick = QuantumCircuit(3)
kick.x(2)
kick.h(2)
kick.ccx(0, 1, 2)  # the AND oracle from section 1
kick.h(2)
kick.x(2)
# restricted to the ancilla starting (and ending) in |0>, this is the phase oracle of AND
block = Operator(kick).data[:4, :4]
print(np.round(block.diagonal().real, 3))

# %% exercise="phase_from_bit_flip"

# %% [markdown] lang="en"
# ## 4. Deutsch–Jozsa: constant or balanced in one query
#
# **The promise problem.** $f:\{0,1\}^n\to\{0,1\}$ is either *constant* (the same value on every
# input) or *balanced* (0 on exactly half of the inputs, 1 on the other half). Which is it?
# A deterministic classical algorithm may need $2^{n-1}+1$ queries in the worst case: after
# seeing half the inputs give the same value it still cannot be sure.
#
# **The quantum circuit** uses one query:
#
# 1. Start in $|0\rangle^{\otimes n}$ and apply H to every input qubit: the uniform superposition
#    $\frac{1}{\sqrt{2^n}}\sum_x |x\rangle$.
# 2. Apply the phase oracle (a bit-flip oracle with the target in $|-\rangle$):
#    $\frac{1}{\sqrt{2^n}}\sum_x (-1)^{f(x)}|x\rangle$.
# 3. Apply H to every input qubit again and measure them.
#
# Since $H^{\otimes n}|x\rangle = \frac{1}{\sqrt{2^n}}\sum_y (-1)^{x\cdot y}|y\rangle$, the
# amplitude of the outcome $y = 0\dots0$ is
# $\frac{1}{2^n}\sum_x (-1)^{f(x)}$: it is $\pm 1$ for a constant $f$ and exactly $0$ for a
# balanced one. **All zeros means constant; anything else means balanced** — with certainty,
# after one query.

# %% [markdown] lang="ko"
# ## 4. 도이치–조사: 한 번의 질의로 상수인지 균형인지 판별하기
#
# **약속 문제.** $f:\{0,1\}^n\to\{0,1\}$은 *상수*(모든 입력에서 같은 값)이거나 *균형*(정확히 절반의
# 입력에서 0, 나머지 절반에서 1)이라는 약속이 있습니다. 어느 쪽일까요? 결정론적 고전 알고리즘은
# 최악의 경우 $2^{n-1}+1$번 질의해야 합니다. 입력의 절반이 모두 같은 값을 내놓아도 아직 확신할 수
# 없기 때문입니다.
#
# **양자 회로**는 질의 한 번이면 됩니다.
#
# 1. $|0\rangle^{\otimes n}$에서 시작해 모든 입력 큐비트에 H를 적용합니다. 그러면 균일한 중첩
#    $\frac{1}{\sqrt{2^n}}\sum_x |x\rangle$이 됩니다.
# 2. 위상 오라클(표적 큐비트를 $|-\rangle$에 둔 비트 반전 오라클)을 적용합니다:
#    $\frac{1}{\sqrt{2^n}}\sum_x (-1)^{f(x)}|x\rangle$.
# 3. 모든 입력 큐비트에 다시 H를 적용하고 측정합니다.
#
# $H^{\otimes n}|x\rangle = \frac{1}{\sqrt{2^n}}\sum_y (-1)^{x\cdot y}|y\rangle$이므로 결과
# $y = 0\dots0$의 진폭은 $\frac{1}{2^n}\sum_x (-1)^{f(x)}$입니다. 이 값은 $f$가 상수이면 $\pm 1$,
# 균형이면 정확히 $0$입니다. **모두 0이면 상수, 그 밖의 결과면 균형**이며, 단 한 번의 질의로
# 확실하게 알 수 있습니다.

# %% [markdown] lang="en"
# In the exercises the oracle arrives as a Qiskit `Gate` on $n+1$ qubits (inputs $0..n-1$, target
# $n$) that you place in your circuit with `qc.append(oracle, range(n + 1))`. You may not look
# inside it, and you may call it only once. Here is a balanced oracle for $n=3$, wrapped as a gate
# named `oracle`.
# The circuit is run twice, with `backend.run(...)` and with Aer's **Sampler** primitive
# (`SamplerV2` from `qiskit_aer.primitives`, module 2), as a program for IBM hardware would run it;
# with the same seed both give the same counts, and the comparison prints `True`.

# %% [markdown] lang="ko"
# 연습 문제에서 오라클은 $n+1$개 큐비트(입력 $0..n-1$, 목표 $n$)에 작용하는 Qiskit `Gate`로
# 주어지며, `qc.append(oracle, range(n + 1))`로 회로에 넣습니다. 안을 들여다봐서는 안 되고, 한
# 번만 호출할 수 있습니다. 다음은 $n=3$일 때의 균형 오라클을 `oracle`이라는 이름의 게이트로 감싼
# 예입니다.
# 회로는 두 번 실행합니다. `backend.run(...)`으로 한 번, IBM 하드웨어용 프로그램처럼 Aer의
# **Sampler** 프리미티브(`qiskit_aer.primitives`의 `SamplerV2`, 모듈 2)로 한 번입니다. 시드가 같으면
# 두 실행의 집계가 같으므로 비교 결과는 `True`입니다.


# %%
from qiskit_aer.primitives import SamplerV2


def example_balanced_oracle(n: int) -> Gate:
    """f(x) = x_0 XOR x_{n-1}: balanced for n >= 2."""
    qc = QuantumCircuit(n + 1, name="oracle")
    qc.cx(0, n)
    qc.cx(n - 1, n)
    return qc.to_gate()


demo = QuantumCircuit(4, 3)
demo.x(3)
demo.h(range(4))
demo.append(example_balanced_oracle(3), range(4))
demo.h(range(3))
demo.measure(range(3), range(3))
backend = AerSimulator(seed_simulator=5)
counts = backend.run(transpile(demo, backend), shots=256).result().get_counts()
print(counts)  # never '000': balanced
bits = SamplerV2(seed=5).run([transpile(demo, backend)], shots=256).result()[0].data.c
print(bits.get_counts() == counts)
demo.draw("mpl")

# %% exercise="deutsch_jozsa"

# %% [markdown] lang="en"
# ## 5. Bernstein–Vazirani: read a secret string in one query
#
# Now the oracle computes $f_s(x) = s\cdot x \bmod 2$ for a secret $n$-bit string $s$. Classically
# each query reveals one bit of information, so $n$ queries are needed (ask $x = 0\dots010\dots0$
# for each position). The Deutsch–Jozsa circuit, unchanged, does it with **one**: after the
# oracle the register holds $\frac{1}{\sqrt{2^n}}\sum_x (-1)^{s\cdot x}|x\rangle = H^{\otimes n}|s\rangle$,
# so the final layer of H gates returns exactly $|s\rangle$. The measurement reads $s$ with
# probability 1.

# %% [markdown] lang="ko"
# ## 5. 번스타인–바지라니: 한 번의 질의로 비밀 문자열 읽기
#
# 이번에는 오라클이 비밀 $n$비트 문자열 $s$에 대해 $f_s(x) = s\cdot x \bmod 2$를 계산합니다.
# 고전적으로는 질의 한 번에 1비트의 정보만 얻으므로 $n$번 질의해야 합니다(각 자리마다
# $x = 0\dots010\dots0$을 물어봅니다). 도이치–조사 회로를 그대로 쓰면 **한 번**으로 충분합니다.
# 오라클을 지난 레지스터는 $\frac{1}{\sqrt{2^n}}\sum_x (-1)^{s\cdot x}|x\rangle = H^{\otimes n}|s\rangle$
# 상태이므로, 마지막 H 게이트 층이 정확히 $|s\rangle$을 돌려줍니다. 측정하면 확률 1로 $s$를 읽습니다.

# %% exercise="bernstein_vazirani"

# %% [markdown] lang="en"
# ## 6. Simon's algorithm: a hidden period
#
# **The promise.** $f:\{0,1\}^n\to\{0,1\}^n$ has a secret $s \neq 0\dots0$ with
# $f(x) = f(y) \iff y = x$ or $y = x \oplus s$: every output appears exactly twice, on inputs that
# differ by $s$. Find $s$. A classical algorithm must look for a collision and needs about
# $2^{n/2}$ queries; Simon's algorithm needs about $n$.
#
# The oracle now has an $n$-qubit *output* register: $U_f|x\rangle|y\rangle = |x\rangle|y\oplus f(x)\rangle$
# with inputs on qubits $0..n-1$ and outputs on $n..2n-1$. The circuit:
#
# 1. H on every input qubit; 2. the oracle; 3. H on every input qubit; 4. measure the inputs.
#
# After step 2, imagine measuring the output register: it collapses the inputs to
# $(|x\rangle + |x\oplus s\rangle)/\sqrt2$ for some random $x$. The H layer turns that into a
# uniform superposition of the $y$ with $y\cdot s = 0 \pmod 2$ (the other terms cancel). So each
# run gives a random $y$ **orthogonal to $s$**. About $n$ runs give $n-1$ independent equations
# $y\cdot s = 0$, and Gaussian elimination over GF(2) (arithmetic mod 2) finds the unique
# non-zero solution $s$.

# %% [markdown] lang="ko"
# ## 6. 사이먼 알고리즘: 숨은 주기 찾기
#
# **약속.** $f:\{0,1\}^n\to\{0,1\}^n$에는 비밀 문자열 $s \neq 0\dots0$이 있어서
# $f(x) = f(y) \iff y = x$ 또는 $y = x \oplus s$가 성립합니다. 즉 모든 출력값은 $s$만큼 다른 두
# 입력에서 정확히 두 번 나타납니다. $s$를 찾으세요. 고전 알고리즘은 충돌을 찾아야 하므로 약
# $2^{n/2}$번 질의해야 하지만, 사이먼 알고리즘은 약 $n$번이면 됩니다.
#
# 이제 오라클에는 $n$큐비트 *출력* 레지스터가 있습니다:
# $U_f|x\rangle|y\rangle = |x\rangle|y\oplus f(x)\rangle$. 입력은 큐비트 $0..n-1$, 출력은
# $n..2n-1$에 있습니다. 회로는 다음과 같습니다.
#
# 1. 모든 입력 큐비트에 H, 2. 오라클, 3. 모든 입력 큐비트에 H, 4. 입력 큐비트 측정.
#
# 2단계가 끝난 뒤 출력 레지스터를 측정한다고 상상해 봅시다. 그러면 입력은 어떤 무작위 $x$에 대해
# $(|x\rangle + |x\oplus s\rangle)/\sqrt2$로 붕괴합니다. H 층은 이 상태를 $y\cdot s = 0 \pmod 2$를
# 만족하는 $y$들의 균일한 중첩으로 바꿉니다(나머지 항은 상쇄됩니다). 따라서 한 번 실행할 때마다
# **$s$와 직교하는** 무작위 $y$를 얻습니다. 약 $n$번 실행하면 독립인 방정식 $y\cdot s = 0$이
# $n-1$개 생기고, GF(2) 위의 가우스 소거법(2를 법으로 하는 산술)으로 0이 아닌 유일한 해 $s$를
# 찾을 수 있습니다.


# %%
def example_simon_oracle(s: str) -> Gate:
    """A 2-to-1 function with period s: copy x, then XOR s in when x has the lowest set bit of s."""
    n = len(s)
    qc = QuantumCircuit(2 * n, name="oracle")
    for i in range(n):
        qc.cx(i, n + i)
    pivot = s[::-1].index("1")  # qubit index of s's lowest set bit
    for i in range(n):
        if s[::-1][i] == "1":
            qc.cx(pivot, n + i)
    return qc.to_gate()


simon_demo = QuantumCircuit(6, 3)
simon_demo.h(range(3))
simon_demo.append(example_simon_oracle("110"), range(6))
simon_demo.h(range(3))
simon_demo.measure(range(3), range(3))
counts = backend.run(transpile(simon_demo, backend), shots=512).result().get_counts()
print(counts)  # only y with y . 110 = 0 (mod 2): 000, 001, 110, 111
bits = SamplerV2(seed=5).run([transpile(simon_demo, backend)], shots=512).result()[0].data.c
print(bits.get_counts() == counts)
plot_histogram(counts)

# %% exercise="simon_circuit"

# %% [markdown] lang="en"
# The quantum part is done; the rest is classical. Each measured $y$ is an equation
# $y_0s_0 \oplus y_1s_1 \oplus \dots \oplus y_{n-1}s_{n-1} = 0$. Keep a set of independent
# equations (reduce each new $y$ against the rows you already have, mod 2), and once you have
# $n-1$ of them the non-zero solution is unique. For small $n$ you may also simply try every
# non-zero candidate $s$ and keep the one orthogonal to all measured $y$ — but think about why
# that costs $2^n$ steps and elimination only about $n^3$.

# %% [markdown] lang="ko"
# 양자 부분은 끝났고 나머지는 고전 계산입니다. 측정한 $y$ 하나하나가 방정식
# $y_0s_0 \oplus y_1s_1 \oplus \dots \oplus y_{n-1}s_{n-1} = 0$입니다. 독립인 방정식들을 모아
# 두세요(새 $y$를 이미 가진 행들로 2를 법으로 소거합니다). 독립 방정식이 $n-1$개가 되면 0이 아닌
# 해는 유일합니다. $n$이 작으면 0이 아닌 모든 후보 $s$를 시험해 모든 $y$와 직교하는 것을 고를
# 수도 있습니다. 다만 그 방법은 $2^n$ 단계가 들고 소거법은 약 $n^3$ 단계면 되는 이유를
# 생각해 보세요.

# %% exercise="simon_secret"

# %% [markdown] lang="en"
# ## 7. Drill: marking oracles for a SAT formula and a colouring
#
# A **SAT** instance asks whether a Boolean formula in conjunctive normal form (an AND of
# clauses, each an OR of literals $x_q$ or $\neg x_q$) has a satisfying input. Its oracle is just
# the oracle of the function $\varphi(x) \in \{0, 1\}$, so everything above applies. The simplest
# construction with no extra qubits: evaluate $\varphi$ classically on every input and put one
# multi-controlled X per satisfying input, with `ctrl_state` choosing the control pattern. (Real
# oracles compute each clause on an ancilla instead, which scales; for 3 or 4 variables the
# list is fine.) Below, the formula $(x_0 \vee x_1) \wedge (\neg x_0 \vee x_2) \wedge (\neg x_1 \vee \neg x_2)$
# and the inputs it accepts.

# %% [markdown] lang="ko"
# ## 7. 연습: SAT 논리식과 색칠의 표시 오라클
#
# **SAT** 문제는 논리곱 표준형(CNF) 불 논리식, 곧 절들의 AND(절마다 리터럴 $x_q$ 또는
# $\neg x_q$의 OR)을 만족하는 입력이 있는지 묻습니다. 그 오라클은 함수 $\varphi(x) \in \{0, 1\}$의
# 오라클일 뿐이므로 앞의 내용이 모두 그대로 적용됩니다. 큐비트를 더 쓰지 않는 가장 간단한 방법은
# 모든 입력에서 $\varphi$를 고전적으로 계산하고, 만족하는 입력마다 다중 제어 X를 하나씩 두는
# 것입니다. 제어 패턴은 `ctrl_state`로 고릅니다. (실제 오라클은 절마다 보조 큐비트에 값을 계산해서
# 규모를 키울 수 있게 합니다. 변수가 3~4개라면 목록 방식으로 충분합니다.) 아래는 논리식
# $(x_0 \vee x_1) \wedge (\neg x_0 \vee x_2) \wedge (\neg x_1 \vee \neg x_2)$와 이 논리식을 만족하는
# 입력입니다.


# %%
def satisfies(clauses: list, x: int) -> bool:
    """True when input x (bit q = x_q) satisfies every clause; a literal is (q, True/False)."""
    return all(any(((x >> q) & 1) == int(value) for q, value in clause) for clause in clauses)


formula = [[(0, True), (1, True)], [(0, False), (2, True)], [(1, False), (2, False)]]
print("satisfying inputs:", [format(x, "03b") for x in range(8) if satisfies(formula, x)])
demo_sat = QuantumCircuit(4)
demo_sat.mcx([0, 1, 2], 3, ctrl_state=0b010)  # fires only on x = 010
print(demo_sat.draw())

# %% exercise="sat_oracle"

# %% exercise="colouring_oracle"

# %% exercise="sat_phase_oracle"

# %% [markdown] lang="en"
# ## Summary
#
# | problem | classical queries | quantum queries |
# |---|---|---|
# | Deutsch–Jozsa (deterministic) | $2^{n-1}+1$ | 1 |
# | Bernstein–Vazirani | $n$ | 1 |
# | Simon | about $2^{n/2}$ | about $n$ |
#
# All three use the same pattern: a uniform superposition, one oracle call that writes $f$ into
# phases, and a transform (here the H layer) that makes the phases interfere. Grover's search and
# the quantum Fourier transform, in the next modules, build on exactly this pattern.

# %% [markdown] lang="ko"
# ## 정리
#
# | 문제 | 고전 질의 횟수 | 양자 질의 횟수 |
# |---|---|---|
# | 도이치–조사 (결정론적) | $2^{n-1}+1$ | 1 |
# | 번스타인–바지라니 | $n$ | 1 |
# | 사이먼 | 약 $2^{n/2}$ | 약 $n$ |
#
# 세 알고리즘은 같은 틀을 씁니다. 균일한 중첩을 만들고, 오라클을 한 번 호출해 $f$를 위상에 기록한
# 뒤, 변환(여기서는 H 층)으로 위상들을 간섭시킵니다. 다음 모듈의 그로버 탐색과 양자 푸리에 변환도
# 바로 이 틀 위에 세워집니다.
