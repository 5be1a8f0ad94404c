# %% [markdown] lang="en"
# # Quantum phase estimation
#
# Every unitary $U$ has eigenvectors: $U|\psi\rangle = e^{2\pi i\varphi}|\psi\rangle$, with a phase
# $\varphi \in [0, 1)$. **Quantum phase estimation** (QPE) reads $\varphi$ to $t$ binary digits,
# using $t$ extra "counting" qubits, controlled powers of $U$ and an inverse QFT. It is the
# subroutine behind Shor's algorithm, quantum chemistry's energy estimation and many others. In
# this module you will
#
# - see how a controlled $U$ **kicks** its eigenphase back onto the control qubit;
# - build QPE for the T gate, then for any unitary and eigenstate;
# - predict and measure what happens when $\varphi$ does not fit in $t$ bits;
# - choose how many counting qubits a precision requires.

# %% [markdown] lang="ko"
# # 양자 위상 추정
#
# 모든 유니터리 $U$에는 고유벡터가 있습니다: $U|\psi\rangle = e^{2\pi i\varphi}|\psi\rangle$이고
# 위상 $\varphi$는 $[0, 1)$에 있습니다. **양자 위상 추정**(quantum phase estimation, QPE)은 "계수"
# 큐비트 $t$개, $U$의 제어 거듭제곱, 역 QFT를 이용해 $\varphi$를 이진수 $t$자리까지 읽어 냅니다.
# 쇼어 알고리즘, 양자 화학의 에너지 추정을 비롯한 여러 알고리즘의 바탕이 되는 부분 루틴입니다.
# 이 모듈에서는 다음을 합니다.
#
# - 제어 $U$가 고유 위상을 제어 큐비트로 **킥백**하는 과정을 봅니다.
# - T 게이트에 대한 QPE를 만들고, 이어서 임의의 유니터리와 고유 상태에 대한 QPE를 만듭니다.
# - $\varphi$가 $t$비트에 딱 맞지 않을 때 무슨 일이 생기는지 예측하고 측정합니다.
# - 원하는 정밀도에 필요한 계수 큐비트 수를 고릅니다.

# %%
import matplotlib.pyplot as plt
from qiskit import transpile
from qiskit.circuit.library import PhaseGate, QFTGate
from qiskit.visualization import plot_histogram
from qiskit_aer import AerSimulator

# %% [markdown] lang="en"
# ## 1. Kickback of an eigenphase
#
# Put a control qubit in $|+\rangle$ and the target in an eigenstate $|\psi\rangle$ of $U$. The
# controlled $U$ does nothing when the control is $|0\rangle$ and multiplies by $e^{2\pi i\varphi}$
# when it is $|1\rangle$:
#
# $$\tfrac{1}{\sqrt2}\big(|0\rangle + |1\rangle\big)|\psi\rangle \;\mapsto\; \tfrac{1}{\sqrt2}\big(|0\rangle + e^{2\pi i\varphi}|1\rangle\big)|\psi\rangle .$$
#
# The target is unchanged; the phase has moved to the control qubit (the same kickback as in the
# oracle module). With $U^{2^j}$ instead of $U$, the control receives $e^{2\pi i\, 2^j\varphi}$.

# %% [markdown] lang="ko"
# ## 1. 고유 위상의 킥백
#
# 제어 큐비트를 $|+\rangle$에, 목표를 $U$의 고유 상태 $|\psi\rangle$에 둡니다. 제어 $U$는 제어가
# $|0\rangle$이면 아무것도 하지 않고, $|1\rangle$이면 $e^{2\pi i\varphi}$를 곱합니다.
#
# $$\tfrac{1}{\sqrt2}\big(|0\rangle + |1\rangle\big)|\psi\rangle \;\mapsto\; \tfrac{1}{\sqrt2}\big(|0\rangle + e^{2\pi i\varphi}|1\rangle\big)|\psi\rangle .$$
#
# 목표는 그대로이고 위상이 제어 큐비트로 옮겨 갔습니다(오라클 모듈에서 본 것과 같은 킥백입니다).
# $U$ 대신 $U^{2^j}$를 쓰면 제어 큐비트는 $e^{2\pi i\, 2^j\varphi}$를 받습니다.

# %%
kick = QuantumCircuit(2)
kick.h(0)
kick.x(1)  # |1> is an eigenstate of T with phase 1/8
kick.cp(np.pi / 4, 0, 1)  # controlled-T
print(np.round(Statevector(kick).data, 3))  # the |1>|1> amplitude carries e^{i pi/4}

# %% [markdown] lang="en"
# ## 2. The circuit
#
# With $t$ counting qubits, each in $|+\rangle$, and counting qubit $j$ controlling $U^{2^j}$, the
# counting register ends in
#
# $$\frac{1}{\sqrt{2^t}}\sum_{y=0}^{2^t-1} e^{2\pi i\,\varphi y}\,|y\rangle ,$$
#
# which is exactly the QFT of $|\varphi 2^t\rangle$ when $\varphi 2^t$ is an integer (compare with
# the Fourier state of the previous module). An **inverse QFT** therefore turns it into
# $|\varphi 2^t\rangle$, and measuring the counting qubits gives the integer $\varphi 2^t$, qubit 0
# being the least significant bit.
#
# In this course the counting qubits are $0, \dots, t-1$ and the eigenstate register comes after
# them. The cell below runs the circuit for $T$ ($\varphi = 1/8$) twice, with `backend.run(...)` and
# with Aer's **Sampler** primitive (`SamplerV2` from `qiskit_aer.primitives`, module 2), as a
# program for IBM hardware would run it; with the same seed both give the same counts.

# %% [markdown] lang="ko"
# ## 2. 회로
#
# 계수 큐비트 $t$개를 모두 $|+\rangle$에 두고, 계수 큐비트 $j$가 $U^{2^j}$를 제어하게 하면 계수
# 레지스터는 다음 상태로 끝납니다.
#
# $$\frac{1}{\sqrt{2^t}}\sum_{y=0}^{2^t-1} e^{2\pi i\,\varphi y}\,|y\rangle .$$
#
# $\varphi 2^t$가 정수이면 이것은 정확히 $|\varphi 2^t\rangle$의 QFT입니다(앞 모듈의 푸리에 상태와
# 비교해 보세요). 따라서 **역 QFT**가 이 상태를 $|\varphi 2^t\rangle$으로 바꾸고, 계수 큐비트를
# 측정하면 정수 $\varphi 2^t$를 얻습니다. 큐비트 0이 가장 낮은 자리입니다.
#
# 이 과정에서는 계수 큐비트를 $0, \dots, t-1$에 두고, 고유 상태 레지스터를 그 뒤에 둡니다. 아래
# 셀은 $T$($\varphi = 1/8$)에 대한 회로를 두 번 실행합니다. `backend.run(...)`으로 한 번, IBM
# 하드웨어용 프로그램처럼 Aer의 **Sampler** 프리미티브(`qiskit_aer.primitives`의 `SamplerV2`,
# 모듈 2)로 한 번입니다. 시드가 같으면 두 실행의 집계가 같습니다.

# %%
from qiskit_aer.primitives import SamplerV2

t = 3
qpe_demo = QuantumCircuit(t + 1, t)
qpe_demo.x(t)  # eigenstate |1> of T
qpe_demo.h(range(t))
for j in range(t):
    qpe_demo.cp(2 * np.pi * (1 / 8) * 2**j, j, t)  # controlled T^(2^j)
qpe_demo.append(QFTGate(t).inverse(), range(t))
qpe_demo.measure(range(t), range(t))
backend = AerSimulator(seed_simulator=8)
print(backend.run(transpile(qpe_demo, backend), shots=200).result().get_counts())  # '001': 1/8
bits = SamplerV2(seed=8).run([transpile(qpe_demo, backend)], shots=200).result()[0].data.c
print(bits.get_counts())
qpe_demo.draw("mpl")

# %% exercise="qpe_t_gate"

# %% [markdown] lang="en"
# For a general unitary, Qiskit builds controlled powers for you: `gate.power(2**j).control(1)`
# returns a controlled $U^{2^j}$ as a gate you can `append`. (On hardware one looks for cheaper
# ways to apply $U^{2^j}$; for Shor's algorithm that is modular exponentiation.)

# %% [markdown] lang="ko"
# 일반적인 유니터리에 대해서는 Qiskit이 제어 거듭제곱을 만들어 줍니다. `gate.power(2**j).control(1)`은
# 제어 $U^{2^j}$를 `append`할 수 있는 게이트로 돌려줍니다. (실제 하드웨어에서는 $U^{2^j}$를 더 싸게
# 적용하는 방법을 찾습니다. 쇼어 알고리즘에서는 그것이 모듈러 거듭제곱입니다.)

# %% exercise="qpe"

# %% [markdown] lang="en"
# ## 3. Reading the estimate
#
# In practice the circuit is run many times and the counts are read: the most frequent outcome
# $y$ gives the estimate $\tilde\varphi = y / 2^t$.

# %% [markdown] lang="ko"
# ## 3. 추정값 읽기
#
# 실제로는 회로를 여러 번 실행하고 집계를 읽습니다. 가장 많이 나온 결과 $y$가 추정값
# $\tilde\varphi = y / 2^t$를 줍니다.

# %% exercise="phase_from_counts"

# %% [markdown] lang="en"
# ## 4. When the phase does not fit in t bits
#
# If $\varphi 2^t$ is not an integer, the inverse QFT cannot produce a single basis state. The
# probability of outcome $y$ is
#
# $$P(y) = \left|\frac{1}{2^t}\sum_{k=0}^{2^t-1} e^{2\pi i\,k(\varphi - y/2^t)}\right|^2 ,$$
#
# a peak around $\varphi 2^t$: the two nearest integers together get at least $8/\pi^2 \approx 81\%$
# of the probability, and the tails fall off like $1/\text{distance}^2$. The plot shows it for
# $\varphi = 0.3$ and $t = 4$.

# %% [markdown] lang="ko"
# ## 4. 위상이 t비트에 맞지 않을 때
#
# $\varphi 2^t$가 정수가 아니면 역 QFT는 기저 상태 하나를 만들어 낼 수 없습니다. 결과 $y$의 확률은
#
# $$P(y) = \left|\frac{1}{2^t}\sum_{k=0}^{2^t-1} e^{2\pi i\,k(\varphi - y/2^t)}\right|^2$$
#
# 이며, $\varphi 2^t$ 주변에 봉우리를 이룹니다. 가장 가까운 두 정수가 합쳐서 확률의 적어도
# $8/\pi^2 \approx 81\%$를 차지하고, 꼬리는 거리의 제곱에 반비례해 줄어듭니다. 그래프는
# $\varphi = 0.3$, $t = 4$일 때의 분포입니다.

# %%
phi, t = 0.3, 4
ys = np.arange(2**t)
ks = np.arange(2**t)
probs = [abs(np.exp(2j * np.pi * ks * (phi - y / 2**t)).sum() / 2**t) ** 2 for y in ys]
fig, ax = plt.subplots(figsize=(6, 3))
ax.bar(ys, probs)
ax.axvline(phi * 2**t, color="red", linestyle="--")
ax.set_xlabel("y")
ax.set_ylabel("P(y)")
plt.show()

# %% exercise="qpe_distribution"

# %% exercise="run_qpe"

# %% [markdown] lang="en"
# ## 5. How many counting qubits?
#
# To get $\varphi$ to $b$ bits of accuracy with probability at least $1 - \varepsilon$, the
# standard analysis (Nielsen and Chuang, section 5.2.1) asks for
#
# $$t = b + \left\lceil \log_2\!\left(2 + \frac{1}{2\varepsilon}\right)\right\rceil$$
#
# counting qubits: the extra qubits push the tails of the distribution further away. Every extra
# counting qubit doubles the largest power $U^{2^{t-1}}$, which is where the cost of QPE lies.

# %% [markdown] lang="ko"
# ## 5. 계수 큐비트는 몇 개가 필요할까
#
# $\varphi$를 $b$비트 정확도로, 적어도 $1 - \varepsilon$의 확률로 얻으려면 표준적인 분석(Nielsen과
# Chuang, 5.2.1절)에 따라
#
# $$t = b + \left\lceil \log_2\!\left(2 + \frac{1}{2\varepsilon}\right)\right\rceil$$
#
# 개의 계수 큐비트가 필요합니다. 추가 큐비트가 분포의 꼬리를 더 멀리 밀어내기 때문입니다. 계수
# 큐비트가 하나 늘 때마다 가장 큰 거듭제곱 $U^{2^{t-1}}$이 두 배가 되며, QPE의 비용은 바로 여기에
# 있습니다.

# %% exercise="counting_qubits"

# %% [markdown] lang="en"
# ## Summary
#
# - Controlled $U^{2^j}$ on counting qubit $j$ writes $e^{2\pi i 2^j\varphi}$ into its phase.
# - The counting register is then the Fourier state of $\varphi 2^t$; an inverse QFT reads it out.
# - Non-exact phases give a peaked distribution; more counting qubits sharpen it.
# - Next module: Shor's algorithm is phase estimation of a modular multiplication.

# %% [markdown] lang="ko"
# ## 정리
#
# - 계수 큐비트 $j$가 제어하는 $U^{2^j}$는 그 큐비트의 위상에 $e^{2\pi i 2^j\varphi}$를 기록합니다.
# - 그러면 계수 레지스터는 $\varphi 2^t$의 푸리에 상태가 되고, 역 QFT가 이를 읽어 냅니다.
# - 정확하지 않은 위상은 봉우리 모양의 분포를 만들고, 계수 큐비트를 늘리면 봉우리가 날카로워집니다.
# - 다음 모듈: 쇼어 알고리즘은 모듈러 곱셈의 위상 추정입니다.
