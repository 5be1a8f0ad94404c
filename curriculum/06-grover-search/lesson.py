# %% [markdown] lang="en"
# # Grover's search and amplitude amplification
#
# Among $N = 2^n$ items, $M$ are "good", and all we have is an oracle that recognises a good item
# when it sees one. A classical search needs about $N/M$ queries on average. **Grover's algorithm**
# needs about $\frac{\pi}{4}\sqrt{N/M}$: a quadratic speed-up, and one of the most widely
# applicable quantum algorithms. In this module you will
#
# - write a phase oracle that marks several items, and the **diffusion operator**;
# - see Grover's algorithm as a **rotation** in a plane, which explains everything else;
# - compute the success probability after $k$ iterations, pick the best $k$, and watch what
#   happens when you rotate too far;
# - generalise the algorithm to **amplitude amplification**.

# %% [markdown] lang="ko"
# # 그로버 탐색과 진폭 증폭
#
# $N = 2^n$개 항목 가운데 $M$개가 "좋은" 항목이고, 우리에게는 좋은 항목을 보면 알아보는 오라클만
# 있습니다. 고전적인 탐색은 평균적으로 약 $N/M$번 질의해야 합니다. **그로버 알고리즘**(Grover's
# algorithm)은 약 $\frac{\pi}{4}\sqrt{N/M}$번이면 됩니다. 제곱근만큼 빨라지는 것으로, 가장 널리
# 쓰일 수 있는 양자 알고리즘 가운데 하나입니다. 이 모듈에서는 다음을 합니다.
#
# - 여러 항목을 표시하는 위상 오라클과 **확산 연산자**(diffusion operator)를 만듭니다.
# - 그로버 알고리즘을 평면 위의 **회전**으로 이해합니다. 나머지는 모두 이 그림에서 나옵니다.
# - $k$번 반복한 뒤의 성공 확률을 계산하고, 가장 좋은 $k$를 고르며, 너무 많이 회전하면 어떻게
#   되는지 봅니다.
# - 알고리즘을 **진폭 증폭**(amplitude amplification)으로 일반화합니다.

# %%
import matplotlib.pyplot as plt
from qiskit import transpile
from qiskit.visualization import plot_histogram
from qiskit_aer import AerSimulator

# %% [markdown] lang="en"
# ## 1. The oracle marks the good items
#
# As in the previous module, a **phase oracle** multiplies every good basis state by $-1$:
#
# $$O\,|x\rangle = \begin{cases} -|x\rangle & x \text{ good} \\ \phantom{-}|x\rangle & \text{otherwise.}\end{cases}$$
#
# To mark several items, mark them one after the other: the phase flips multiply, and since each
# flip touches a different basis state they never cancel. Each single flip is a multi-controlled
# Z with X gates around the qubits that should be 0. Here is the oracle that marks `101` and `011`,
# shown as its diagonal of signs.

# %% [markdown] lang="ko"
# ## 1. 오라클은 좋은 항목에 표시를 한다
#
# 앞 모듈에서처럼 **위상 오라클**은 좋은 기저 상태마다 $-1$을 곱합니다.
#
# $$O\,|x\rangle = \begin{cases} -|x\rangle & x \text{가 좋은 항목} \\ \phantom{-}|x\rangle & \text{그 밖의 경우.}\end{cases}$$
#
# 여러 항목을 표시하려면 하나씩 차례로 표시하면 됩니다. 위상 반전은 곱해지며, 반전마다 서로 다른
# 기저 상태에 작용하므로 상쇄되지 않습니다. 반전 하나하나는 0이어야 하는 큐비트를 X 게이트로 감싼
# 다중 제어 Z입니다. 다음은 `101`과 `011`을 표시하는 오라클을 부호의 대각 성분으로 보여 줍니다.


# %%
def mark(qc: QuantumCircuit, label: str) -> None:
    """Flip the sign of |label> (a Qiskit label: label[-1] is qubit 0)."""
    n = qc.num_qubits
    zeros = [q for q in range(n) if label[-1 - q] == "0"]
    if zeros:
        qc.x(zeros)
    qc.h(n - 1)
    qc.mcx(list(range(n - 1)), n - 1)
    qc.h(n - 1)
    if zeros:
        qc.x(zeros)


demo_oracle = QuantumCircuit(3)
mark(demo_oracle, "101")
mark(demo_oracle, "011")
signs = Operator(demo_oracle).data.diagonal().real.round(3)
print({format(i, "03b"): float(s) for i, s in enumerate(signs)})

# %% exercise="grover_oracle"

# %% [markdown] lang="en"
# ## 2. The diffusion operator: a reflection about the mean
#
# Let $|s\rangle = H^{\otimes n}|0\rangle$ be the uniform superposition. The **diffusion
# operator** is the reflection about $|s\rangle$:
#
# $$D = 2|s\rangle\langle s| - I .$$
#
# Applied to a state with amplitudes $a_x$, it maps each $a_x$ to $2\bar a - a_x$, where $\bar a$
# is the mean amplitude: every amplitude is **reflected about the mean**. After the oracle has
# made the good amplitudes negative, the mean is a bit lower than the bad amplitudes, and
# reflecting about it makes the good amplitudes large and positive.
#
# How to build $D$ from gates: $D = H^{\otimes n}\,(2|0\rangle\langle 0| - I)\,H^{\otimes n}$, and
# $2|0\rangle\langle 0| - I$ flips the sign of every basis state *except* $|0\dots0\rangle$. Up to a
# global phase of $-1$ that is the same as flipping only $|0\dots0\rangle$, which is "mark the
# label `00…0`" from section 1. So $H$ on all qubits, mark $|0\dots0\rangle$, $H$ on all qubits
# gives $-D$; the sign is a global phase and does not matter for Grover's search.

# %% [markdown] lang="ko"
# ## 2. 확산 연산자: 평균에 대한 반사
#
# $|s\rangle = H^{\otimes n}|0\rangle$을 균일한 중첩이라고 합시다. **확산 연산자**는
# $|s\rangle$에 대한 반사입니다.
#
# $$D = 2|s\rangle\langle s| - I .$$
#
# 진폭이 $a_x$인 상태에 적용하면 각 $a_x$가 $2\bar a - a_x$로 바뀝니다. 여기서 $\bar a$는 진폭의
# 평균입니다. 즉 모든 진폭이 **평균을 기준으로 반사**됩니다. 오라클이 좋은 항목의 진폭을 음수로
# 만들어 두면 평균은 나쁜 항목의 진폭보다 조금 낮아지고, 이 평균에 대해 반사하면 좋은 항목의
# 진폭이 큰 양수가 됩니다.
#
# 게이트로 $D$를 만드는 방법: $D = H^{\otimes n}\,(2|0\rangle\langle 0| - I)\,H^{\otimes n}$이고,
# $2|0\rangle\langle 0| - I$는 $|0\dots0\rangle$을 *제외한* 모든 기저 상태의 부호를 뒤집습니다.
# 전역 위상 $-1$을 무시하면 이는 $|0\dots0\rangle$만 뒤집는 것과 같고, 1절의 "레이블 `00…0`
# 표시하기"가 바로 그것입니다. 따라서 모든 큐비트에 $H$, $|0\dots0\rangle$ 표시, 모든 큐비트에
# $H$를 적용하면 $-D$가 됩니다. 이 부호는 전역 위상이므로 그로버 탐색에서는 상관없습니다.

# %%
amplitudes = np.full(8, 1 / np.sqrt(8))
amplitudes[5] *= -1  # the oracle marked |101>
reflected = 2 * amplitudes.mean() - amplitudes
print("mean before:", round(amplitudes.mean(), 4))
print("after the reflection:", reflected.round(4))

# %% exercise="diffuser"

# %% [markdown] lang="en"
# ## 3. Grover's algorithm is a rotation
#
# Split the uniform superposition into its good and bad parts:
#
# $$|s\rangle = \sin\theta\,|G\rangle + \cos\theta\,|B\rangle, \qquad \sin\theta = \sqrt{M/N},$$
#
# where $|G\rangle$ is the uniform superposition of the $M$ good items and $|B\rangle$ that of
# the $N-M$ bad ones. The oracle reflects about $|B\rangle$ and the diffuser reflects about
# $|s\rangle$; two reflections make a **rotation** by twice the angle between their axes, $2\theta$.
# So one Grover iteration $G = D\,O$ rotates the state by $2\theta$ towards $|G\rangle$, and after
# $k$ iterations
#
# $$G^k|s\rangle = \sin\big((2k+1)\theta\big)\,|G\rangle + \cos\big((2k+1)\theta\big)\,|B\rangle .$$
#
# Measuring then finds a good item with probability $\sin^2\big((2k+1)\theta\big)$. It is largest
# when $(2k+1)\theta \approx \pi/2$, that is $k \approx \frac{\pi}{4\theta} - \frac12 \approx \frac{\pi}{4}\sqrt{N/M}$.

# %% [markdown] lang="ko"
# ## 3. 그로버 알고리즘은 회전이다
#
# 균일한 중첩을 좋은 부분과 나쁜 부분으로 나눕니다.
#
# $$|s\rangle = \sin\theta\,|G\rangle + \cos\theta\,|B\rangle, \qquad \sin\theta = \sqrt{M/N}.$$
#
# 여기서 $|G\rangle$는 좋은 항목 $M$개의 균일한 중첩, $|B\rangle$는 나쁜 항목 $N-M$개의 균일한
# 중첩입니다. 오라클은 $|B\rangle$에 대한 반사이고 확산 연산자는 $|s\rangle$에 대한 반사입니다.
# 두 반사를 합치면 두 축 사이 각의 두 배, 곧 $2\theta$만큼의 **회전**이 됩니다. 따라서 그로버 반복
# 한 번 $G = D\,O$는 상태를 $|G\rangle$ 쪽으로 $2\theta$만큼 돌리고, $k$번 반복하면 다음과 같습니다.
#
# $$G^k|s\rangle = \sin\big((2k+1)\theta\big)\,|G\rangle + \cos\big((2k+1)\theta\big)\,|B\rangle .$$
#
# 이때 측정하면 확률 $\sin^2\big((2k+1)\theta\big)$로 좋은 항목을 얻습니다. 이 값은
# $(2k+1)\theta \approx \pi/2$, 곧 $k \approx \frac{\pi}{4\theta} - \frac12 \approx \frac{\pi}{4}\sqrt{N/M}$일
# 때 가장 큽니다.

# %% exercise="success_probability"

# %% [markdown] lang="en"
# ## 4. Too many iterations: over-rotation
#
# The rotation does not stop at $|G\rangle$. If you keep iterating, the state rotates past it and
# the success probability *falls* again, oscillating like $\sin^2$. More iterations are not
# better: you have to know (or estimate) $M$ and stop at the right $k$. The plot shows the success
# probability for $N = 64$ and $M = 1$ or $M = 4$.

# %% [markdown] lang="ko"
# ## 4. 너무 많은 반복: 지나친 회전
#
# 회전은 $|G\rangle$에서 멈추지 않습니다. 계속 반복하면 상태가 $|G\rangle$를 지나쳐 돌아가고,
# 성공 확률은 $\sin^2$처럼 진동하며 *다시 떨어집니다*. 반복이 많다고 좋은 것이 아닙니다. $M$을
# 알거나 추정해서 알맞은 $k$에서 멈춰야 합니다. 그래프는 $N = 64$, $M = 1$ 또는 $M = 4$일 때의
# 성공 확률을 보여 줍니다.

# %%
ks = np.arange(0, 16)
fig, ax = plt.subplots(figsize=(6, 3))
for m in (1, 4):
    theta = np.arcsin(np.sqrt(m / 64))
    ax.plot(ks, np.sin((2 * ks + 1) * theta) ** 2, "o-", label=f"M = {m}")
ax.set_xlabel("k")
ax.set_ylabel("P(good)")
ax.legend()
plt.show()

# %% exercise="optimal_iterations"

# %% [markdown] lang="en"
# ## 5. The whole algorithm
#
# Put the pieces together: H on every qubit, then $k$ times (oracle, diffuser), then measure.
# Here it is for $n = 3$ with the two marked items from section 1 ($\theta = \arcsin\sqrt{2/8} = \pi/6$,
# so a single iteration gives $\sin^2(3\theta) = 1$). The circuit is run twice, with
# `backend.run(...)` and with Aer's **Sampler** primitive (`SamplerV2` from `qiskit_aer.primitives`,
# module 2), as a program for IBM hardware would run it; with the same seed both give the same
# counts, and the comparison prints `True`.

# %% [markdown] lang="ko"
# ## 5. 알고리즘 전체
#
# 조각들을 합칩니다. 모든 큐비트에 H, 그다음 (오라클, 확산 연산자)를 $k$번, 마지막으로 측정합니다.
# 1절의 표시된 두 항목으로 $n = 3$일 때 실행해 봅시다($\theta = \arcsin\sqrt{2/8} = \pi/6$이므로
# 한 번만 반복해도 $\sin^2(3\theta) = 1$입니다). 회로는 두 번 실행합니다. `backend.run(...)`으로 한 번,
# IBM 하드웨어용 프로그램처럼 Aer의 **Sampler** 프리미티브(`qiskit_aer.primitives`의 `SamplerV2`,
# 모듈 2)로 한 번입니다. 시드가 같으면 두 실행의 집계가 같으므로 비교 결과는 `True`입니다.

# %%
from qiskit_aer.primitives import SamplerV2

search = QuantumCircuit(3)
search.h(range(3))
search.compose(demo_oracle, inplace=True)
search.h(range(3))
mark(search, "000")
search.h(range(3))
search.measure_all()
backend = AerSimulator(seed_simulator=3)
counts = backend.run(transpile(search, backend), shots=500).result().get_counts()
print(counts)
bits = SamplerV2(seed=3).run([transpile(search, backend)], shots=500).result()[0].data.meas
print(bits.get_counts() == counts)
plot_histogram(counts)

# %% exercise="grover_circuit"

# %% [markdown] lang="en"
# ## 6. Amplitude amplification
#
# Nothing above needs the *uniform* superposition. Let $A$ be any circuit and
# $A|0\rangle = \sin\theta\,|G\rangle + \cos\theta\,|B\rangle$, where now $\sin^2\theta = a$ is the
# probability that measuring $A|0\rangle$ gives a good item. Replace the diffuser by the reflection
# about $A|0\rangle$,
#
# $$D_A = A\,(2|0\rangle\langle 0| - I)\,A^\dagger ,$$
#
# and the same geometry holds: $k$ iterations of $D_A O$ give success probability
# $\sin^2\big((2k+1)\theta\big)$. This is **amplitude amplification**: it boosts *any* quantum
# routine that succeeds with probability $a$ to near certainty in about $\frac{\pi}{4\sqrt a}$
# rounds, instead of the $1/a$ repetitions a classical retry loop would need. Grover's search is
# the special case $A = H^{\otimes n}$.

# %% [markdown] lang="ko"
# ## 6. 진폭 증폭
#
# 지금까지의 내용 어디에도 *균일한* 중첩이 꼭 필요하지는 않습니다. $A$를 아무 회로나 하고
# $A|0\rangle = \sin\theta\,|G\rangle + \cos\theta\,|B\rangle$라고 합시다. 이제 $\sin^2\theta = a$는
# $A|0\rangle$을 측정했을 때 좋은 항목이 나올 확률입니다. 확산 연산자를 $A|0\rangle$에 대한 반사
#
# $$D_A = A\,(2|0\rangle\langle 0| - I)\,A^\dagger$$
#
# 로 바꾸면 같은 기하가 그대로 성립합니다. $D_A O$를 $k$번 반복하면 성공 확률은
# $\sin^2\big((2k+1)\theta\big)$입니다. 이것이 **진폭 증폭**입니다. 확률 $a$로 성공하는 *어떤* 양자
# 루틴이든, 고전적으로 다시 시도하면 $1/a$번 반복해야 하는 것을 약 $\frac{\pi}{4\sqrt a}$번 만에 거의
# 확실한 성공으로 끌어올립니다. 그로버 탐색은 $A = H^{\otimes n}$인 특별한 경우입니다.

# %% exercise="amplify"

# %% [markdown] lang="en"
# ## 7. Drill: Grover's search for SAT and graph colouring
#
# Grover's search needs nothing but a marking oracle, so it searches for the satisfying inputs of
# a SAT formula or the valid colourings of a graph just as well (module 05 built those oracles).
# The one new question is $M$: the best $k$ depends on how many solutions there are. For a tiny
# instance you can count them by brute force, as below for the formula
# $(x_0 \vee x_1) \wedge (\neg x_0 \vee x_2) \wedge (\neg x_1 \vee \neg x_2)$ and for 3-colourings of
# one edge (two qubits per vertex, colour 3 not allowed). With $M = 2$ of $N = 8$, $\theta = \pi/6$
# and one iteration finds a solution with certainty.

# %% [markdown] lang="ko"
# ## 7. 연습: SAT와 그래프 색칠을 위한 그로버 탐색
#
# 그로버 탐색에 필요한 것은 표시 오라클뿐이므로, SAT 논리식을 만족하는 입력이나 그래프의 올바른
# 색칠도 똑같이 찾을 수 있습니다(그 오라클은 모듈 05에서 만들었습니다). 새로운 질문은 $M$ 하나입니다.
# 가장 좋은 $k$는 해가 몇 개인지에 달려 있습니다. 아주 작은 문제라면 전수 조사로 셀 수 있습니다.
# 아래는 논리식 $(x_0 \vee x_1) \wedge (\neg x_0 \vee x_2) \wedge (\neg x_1 \vee \neg x_2)$와 변 하나의
# 3-색칠(꼭짓점마다 큐비트 두 개, 색 3은 허용하지 않음)을 센 것입니다. $N = 8$ 가운데 $M = 2$이면
# $\theta = \pi/6$이고, 한 번만 반복해도 반드시 해를 찾습니다.


# %%
def satisfies(clauses: list, x: int) -> bool:
    """True when input x (bit q = x_q) satisfies every clause; a literal is (q, True/False)."""
    return all(any(((x >> q) & 1) == int(value) for q, value in clause) for clause in clauses)


formula = [[(0, True), (1, True)], [(0, False), (2, True)], [(1, False), (2, False)]]
solutions = [format(x, "03b") for x in range(8) if satisfies(formula, x)]
edge_colourings = [x for x in range(16) if (x & 3) <= 2 and (x >> 2) <= 2 and (x & 3) != (x >> 2)]
print("SAT solutions:", solutions, " valid colourings of one edge:", len(edge_colourings), "of 16")
theta = np.arcsin(np.sqrt(len(solutions) / 8))
print("P(success) after one iteration:", round(float(np.sin(3 * theta) ** 2), 6))

# %% exercise="colouring_iterations"

# %% exercise="grover_sat_counts"

# %% exercise="grover_with_ancilla"

# %% [markdown] lang="en"
# ## Summary
#
# - The oracle flips the sign of good items; the diffuser reflects every amplitude about the mean.
# - Together they rotate the state by $2\theta$, with $\sin\theta = \sqrt{M/N}$; after $k$
#   iterations the success probability is $\sin^2((2k+1)\theta)$.
# - The best $k$ is about $\frac{\pi}{4}\sqrt{N/M}$; more iterations over-rotate and lower the
#   probability again.
# - Amplitude amplification replaces $H^{\otimes n}$ by any state preparation $A$.

# %% [markdown] lang="ko"
# ## 정리
#
# - 오라클은 좋은 항목의 부호를 뒤집고, 확산 연산자는 모든 진폭을 평균에 대해 반사합니다.
# - 둘을 합치면 상태가 $2\theta$만큼 회전하며($\sin\theta = \sqrt{M/N}$), $k$번 반복한 뒤의 성공
#   확률은 $\sin^2((2k+1)\theta)$입니다.
# - 가장 좋은 $k$는 약 $\frac{\pi}{4}\sqrt{N/M}$이고, 그보다 많이 반복하면 지나치게 회전해서 확률이
#   다시 떨어집니다.
# - 진폭 증폭은 $H^{\otimes n}$ 대신 임의의 상태 준비 회로 $A$를 씁니다.
