# %% [markdown] lang="en"
# # The quantum Fourier transform
#
# The **quantum Fourier transform** (QFT) is the discrete Fourier transform applied to the
# amplitudes of a quantum state. It is the engine inside phase estimation and Shor's algorithm,
# and it is cheap: about $n^2/2$ gates on $n$ qubits, where the classical fast Fourier transform
# of $2^n$ numbers needs about $n2^n$ operations. In this module you will
#
# - see why the QFT of a basis state is a **product state**, and prepare one directly;
# - build the QFT and its inverse from H, controlled-phase and SWAP gates;
# - find the **peaks** that the QFT of a periodic state produces — the heart of Shor's algorithm;
# - drop the tiniest rotations (the **approximate QFT**) and add numbers in the Fourier basis.

# %% [markdown] lang="ko"
# # 양자 푸리에 변환
#
# **양자 푸리에 변환**(quantum Fourier transform, QFT)은 양자 상태의 진폭에 적용한 이산 푸리에
# 변환입니다. 위상 추정과 쇼어 알고리즘 안에서 돌아가는 엔진이며, 비용도 적습니다. $n$큐비트에
# 게이트 약 $n^2/2$개면 되는데, $2^n$개의 수에 대한 고전 고속 푸리에 변환(FFT)은 약 $n2^n$번의
# 연산이 필요합니다. 이 모듈에서는 다음을 합니다.
#
# - 기저 상태의 QFT가 왜 **곱 상태**(product state)인지 보고, 그 상태를 직접 준비합니다.
# - H, 제어 위상, SWAP 게이트로 QFT와 그 역변환을 만듭니다.
# - 주기적인 상태의 QFT가 만드는 **봉우리**(peak)를 찾습니다. 쇼어 알고리즘의 핵심입니다.
# - 아주 작은 회전을 빼는 **근사 QFT**를 만들고, 푸리에 기저에서 수를 더합니다.

# %%
from qiskit import transpile
from qiskit.circuit.library import QFTGate
from qiskit.visualization import plot_bloch_multivector, plot_histogram
from qiskit_aer import AerSimulator

# %% [markdown] lang="en"
# ## 1. The definition
#
# With $N = 2^n$ and $\omega = e^{2\pi i/N}$, the QFT maps each basis state $|j\rangle$ to
#
# $$\mathrm{QFT}\,|j\rangle = \frac{1}{\sqrt N}\sum_{k=0}^{N-1} \omega^{jk}\,|k\rangle .$$
#
# Here $j$ and $k$ are the integers whose binary digits are the qubits, qubit 0 being the least
# significant bit (Qiskit's convention). Every output amplitude has the same size $1/\sqrt N$: the
# information about $j$ sits entirely in the **phases**. Qiskit ships the QFT as `QFTGate`; let us
# look at its matrix for $n = 2$, where $\omega = i$.

# %% [markdown] lang="ko"
# ## 1. 정의
#
# $N = 2^n$, $\omega = e^{2\pi i/N}$이라 하면, QFT는 각 기저 상태 $|j\rangle$을 다음으로 보냅니다.
#
# $$\mathrm{QFT}\,|j\rangle = \frac{1}{\sqrt N}\sum_{k=0}^{N-1} \omega^{jk}\,|k\rangle .$$
#
# 여기서 $j$와 $k$는 큐비트들을 이진 자릿수로 갖는 정수이며, 큐비트 0이 가장 낮은 자리입니다
# (Qiskit의 약속). 출력 진폭의 크기는 모두 $1/\sqrt N$으로 같습니다. $j$에 대한 정보는 모두
# **위상**에 들어 있습니다. Qiskit은 QFT를 `QFTGate`로 제공합니다. $\omega = i$인 $n = 2$의 행렬을
# 살펴봅시다.

# %%
print(np.round(Operator(QFTGate(2)).data * 2, 3))  # times sqrt(N) = 2: the powers of i

# %% [markdown] lang="en"
# ## 2. The QFT of a basis state is a product state
#
# Write $k = \sum_q k_q 2^q$. Then $\omega^{jk} = \prod_q e^{2\pi i\, j\, k_q 2^q/N}$, and the sum
# over all $k$ factorises into one factor per qubit:
#
# $$\mathrm{QFT}\,|j\rangle = \bigotimes_{q=0}^{n-1} \frac{|0\rangle + e^{2\pi i\, j\, 2^q/N}\,|1\rangle}{\sqrt 2}.$$
#
# Each qubit is on the equator of its Bloch sphere, turned by the angle $2\pi j 2^q/N$. Qubit
# $n-1$ turns by $\pi j$ (it only sees the lowest bit of $j$), qubit 0 by $2\pi j/N$ (it sees all
# of $j$, finely): the QFT writes $j$ as a set of clock hands turning at different speeds.

# %% [markdown] lang="ko"
# ## 2. 기저 상태의 QFT는 곱 상태이다
#
# $k = \sum_q k_q 2^q$라고 쓰면 $\omega^{jk} = \prod_q e^{2\pi i\, j\, k_q 2^q/N}$이므로, 모든
# $k$에 대한 합이 큐비트마다 하나씩의 인수로 인수분해됩니다.
#
# $$\mathrm{QFT}\,|j\rangle = \bigotimes_{q=0}^{n-1} \frac{|0\rangle + e^{2\pi i\, j\, 2^q/N}\,|1\rangle}{\sqrt 2}.$$
#
# 각 큐비트는 블로흐 구의 적도 위에 있으며 각도 $2\pi j 2^q/N$만큼 돌아가 있습니다. 큐비트
# $n-1$은 $\pi j$만큼 돕니다($j$의 가장 낮은 비트만 봅니다). 큐비트 0은 $2\pi j/N$만큼 돕니다
# ($j$ 전체를 정밀하게 봅니다). QFT는 $j$를 서로 다른 속도로 도는 시곗바늘 묶음으로 적는 셈입니다.

# %%
demo = QuantumCircuit(3)
demo.x(0)  # |j> = |001>, j = 1
demo.append(QFTGate(3), range(3))
plot_bloch_multivector(Statevector(demo))

# %% exercise="fourier_state"

# %% [markdown] lang="en"
# ## 3. Building the QFT
#
# Read the product formula backwards. Qubit $n-1$ of the output needs the phase $\pi j$, which
# depends only on the lowest bit $j_0$: that is exactly a Hadamard on a qubit holding $j_0$.
# Qubit $n-2$ needs $\pi j_1 + \pi j_0/2$: a Hadamard on the qubit holding $j_1$, then a phase of
# $\pi/2$ controlled by $j_0$. In general the qubit holding $j_t$ gets a Hadamard and then a
# controlled phase $\pi/2^{t-c}$ from every lower qubit $c < t$:
#
# 1. for $t = n-1, n-2, \dots, 0$: H on qubit $t$, then `cp(pi / 2**(t - c), c, t)` for each $c < t$;
# 2. finally reverse the order of the qubits with SWAPs ($q \leftrightarrow n-1-q$), because the
#    steps above leave the output in reversed order.
#
# That is $n$ Hadamards, $n(n-1)/2$ controlled phases and $\lfloor n/2 \rfloor$ SWAPs. The QFT is
# used inside controlled operations (phase estimation), so its **global phase matters**: it is
# graded strictly.

# %% [markdown] lang="ko"
# ## 3. QFT 만들기
#
# 곱 공식을 거꾸로 읽어 봅시다. 출력의 큐비트 $n-1$에는 위상 $\pi j$가 필요한데, 이 값은 가장 낮은
# 비트 $j_0$에만 달려 있습니다. $j_0$을 담은 큐비트에 아다마르를 적용하면 정확히 그렇게 됩니다.
# 큐비트 $n-2$에는 $\pi j_1 + \pi j_0/2$가 필요합니다. $j_1$을 담은 큐비트에 아다마르를 적용한 뒤,
# $j_0$으로 제어되는 위상 $\pi/2$를 걸면 됩니다. 일반적으로 $j_t$를 담은 큐비트는 아다마르를 받은
# 다음, 그보다 낮은 모든 큐비트 $c < t$로부터 제어 위상 $\pi/2^{t-c}$를 받습니다.
#
# 1. $t = n-1, n-2, \dots, 0$ 순서로: 큐비트 $t$에 H, 그다음 각 $c < t$에 대해 `cp(pi / 2**(t - c), c, t)`.
# 2. 마지막으로 SWAP으로 큐비트 순서를 뒤집습니다($q \leftrightarrow n-1-q$). 위 단계만으로는
#    출력이 뒤집힌 순서로 남기 때문입니다.
#
# 아다마르 $n$개, 제어 위상 $n(n-1)/2$개, SWAP $\lfloor n/2 \rfloor$개입니다. QFT는 제어 연산
# 안에서(위상 추정에서) 쓰이므로 **전역 위상이 중요합니다**. 그래서 엄격하게 채점합니다.

# %%
print(QFTGate(3).definition.draw(output="text"))

# %% exercise="qft"

# %% [markdown] lang="en"
# The inverse QFT undoes the QFT: $\mathrm{QFT}^\dagger|k\rangle = \frac{1}{\sqrt N}\sum_j \omega^{-jk}|j\rangle$.
# A circuit is inverted by running its gates backwards, each one inverted: H is its own inverse
# and a phase $\lambda$ becomes $-\lambda$. Qiskit's `QuantumCircuit.inverse()` does exactly this,
# but build it yourself once so you know what it contains.

# %% [markdown] lang="ko"
# 역 QFT는 QFT를 되돌립니다: $\mathrm{QFT}^\dagger|k\rangle = \frac{1}{\sqrt N}\sum_j \omega^{-jk}|j\rangle$.
# 회로의 역은 게이트들을 거꾸로, 각각의 역으로 실행하면 됩니다. H는 자기 자신이 역이고, 위상
# $\lambda$는 $-\lambda$가 됩니다. Qiskit의 `QuantumCircuit.inverse()`가 바로 이 일을 하지만, 그 안에
# 무엇이 있는지 알 수 있도록 한 번은 직접 만들어 보세요.

# %% exercise="inverse_qft"

# %% [markdown] lang="en"
# ## 4. Periodic states have sharp peaks
#
# Take a state that is a uniform superposition of $|s\rangle, |s+r\rangle, |s+2r\rangle, \dots$:
# **periodic** with period $r$ and some shift $s$, where $r$ divides $N$. Its QFT is a uniform
# superposition of the multiples of $N/r$ — and nothing else. The shift $s$ only changes phases,
# not which outcomes appear. So measuring after a QFT reveals $N/r$, hence the period $r$, even
# though a single measurement of the periodic state itself would show a random, useless
# $s + mr$. Shor's algorithm uses exactly this.
#
# The cell below runs the circuit twice, with `backend.run(...)` and with Aer's **Sampler**
# primitive (`SamplerV2` from `qiskit_aer.primitives`, module 2), as a program for IBM hardware
# would run it; with the same seed both give the same counts, and the comparison prints `True`.

# %% [markdown] lang="ko"
# ## 4. 주기적인 상태에는 뾰족한 봉우리가 있다
#
# $|s\rangle, |s+r\rangle, |s+2r\rangle, \dots$의 균일한 중첩 상태를 생각해 봅시다. $r$이 $N$을
# 나누고 이동량이 $s$인, 주기 $r$의 **주기적인** 상태입니다. 이 상태의 QFT는 $N/r$의 배수들의
# 균일한 중첩이고, 그 밖의 것은 없습니다. 이동량 $s$는 위상만 바꿀 뿐 어떤 결과가 나타나는지는
# 바꾸지 않습니다. 그래서 주기적인 상태 자체를 한 번 측정하면 쓸모없는 무작위 값 $s + mr$이
# 나오지만, QFT를 거친 뒤 측정하면 $N/r$이, 따라서 주기 $r$이 드러납니다. 쇼어 알고리즘이 바로
# 이것을 이용합니다.
#
# 아래 셀은 회로를 두 번 실행합니다. `backend.run(...)`으로 한 번, IBM 하드웨어용 프로그램처럼 Aer의
# **Sampler** 프리미티브(`qiskit_aer.primitives`의 `SamplerV2`, 모듈 2)로 한 번입니다. 시드가 같으면
# 두 실행의 집계가 같으므로 비교 결과는 `True`입니다.

# %%
from qiskit_aer.primitives import SamplerV2

periodic = QuantumCircuit(4)
periodic.h([2, 3])  # |0>, |4>, |8>, |12>: period 4
periodic.x(0)  # shift by 1: |1>, |5>, |9>, |13>
periodic.append(QFTGate(4), range(4))
periodic.measure_all()
backend = AerSimulator(seed_simulator=11)
counts = backend.run(transpile(periodic, backend), shots=400).result().get_counts()
print(sorted(int(k, 2) for k in counts))  # multiples of 16 / 4 = 4
bits = SamplerV2(seed=11).run([transpile(periodic, backend)], shots=400).result()[0].data.meas
print(bits.get_counts() == counts)
plot_histogram(counts)

# %% exercise="fourier_peaks"

# %% [markdown] lang="en"
# ## 5. The approximate QFT
#
# The controlled phase between qubits at distance $d$ rotates by $\pi/2^d$. For large $d$ that is
# tiny: at $d = 10$ it is $0.003$ radians, far below the error of any real gate. Dropping every
# rotation with $d$ above some cut-off $m$ leaves about $nm$ gates instead of $n^2/2$, and the
# resulting **approximate QFT** stays very close to the exact one. For $m \approx \log_2 n$ the
# error is small enough for Shor's algorithm.

# %% [markdown] lang="ko"
# ## 5. 근사 QFT
#
# 거리가 $d$인 두 큐비트 사이의 제어 위상은 $\pi/2^d$만큼 회전합니다. $d$가 크면 이 값은 아주
# 작습니다. $d = 10$이면 $0.003$라디안으로, 실제 어떤 게이트의 오차보다도 훨씬 작습니다. 어떤
# 기준 $m$보다 $d$가 큰 회전을 모두 빼면 게이트가 $n^2/2$개 대신 약 $nm$개만 남고, 이렇게 만든
# **근사 QFT**(approximate QFT)는 정확한 QFT에 매우 가깝습니다. $m \approx \log_2 n$이면 쇼어
# 알고리즘에 충분할 만큼 오차가 작습니다.

# %% exercise="approximate_qft"

# %% [markdown] lang="en"
# ## 6. Adding in the Fourier basis
#
# In the Fourier basis, adding a constant is just a set of single-qubit phases. If a register
# holds $\mathrm{QFT}|x\rangle$, qubit $q$ carries the phase $2\pi x 2^q/N$. Multiplying qubit $q$
# by the extra phase $2\pi a 2^q/N$ turns it into $2\pi (x+a) 2^q/N$, which is
# $\mathrm{QFT}|x + a \bmod N\rangle$. So
#
# $$|x\rangle \;\xrightarrow{\mathrm{QFT}}\; \xrightarrow{\;P(2\pi a 2^q/N)\text{ on each qubit } q\;}\; \xrightarrow{\mathrm{QFT}^\dagger}\; |x + a \bmod N\rangle .$$
#
# This is the **Draper adder**: no carry bits, no ancillas. Modular arithmetic like this is what
# Shor's algorithm needs for its modular multiplication.

# %% [markdown] lang="ko"
# ## 6. 푸리에 기저에서 더하기
#
# 푸리에 기저에서는 상수를 더하는 일이 단일 큐비트 위상 몇 개로 끝납니다. 레지스터가
# $\mathrm{QFT}|x\rangle$을 담고 있으면 큐비트 $q$의 위상은 $2\pi x 2^q/N$입니다. 큐비트 $q$에
# 위상 $2\pi a 2^q/N$을 더 곱하면 $2\pi (x+a) 2^q/N$이 되는데, 이것이 바로
# $\mathrm{QFT}|x + a \bmod N\rangle$입니다. 따라서
#
# $$|x\rangle \;\xrightarrow{\mathrm{QFT}}\; \xrightarrow{\;\text{각 큐비트 } q\text{에 } P(2\pi a 2^q/N)\;}\; \xrightarrow{\mathrm{QFT}^\dagger}\; |x + a \bmod N\rangle .$$
#
# 이것이 **드레이퍼 덧셈기**(Draper adder)입니다. 자리올림 비트도, 보조 큐비트도 필요 없습니다.
# 쇼어 알고리즘의 모듈러 곱셈에 필요한 것이 바로 이런 모듈러 산술입니다.

# %% exercise="fourier_adder"

# %% [markdown] lang="en"
# ## Summary
#
# - $\mathrm{QFT}|j\rangle = \frac{1}{\sqrt N}\sum_k \omega^{jk}|k\rangle$ is a product of
#   single-qubit states with phases $2\pi j 2^q/N$.
# - The circuit: H and controlled phases $\pi/2^{t-c}$, then SWAPs to reverse the qubit order;
#   $O(n^2)$ gates, or $O(n \log n)$ approximately.
# - The QFT of a state with period $r$ is concentrated on the multiples of $N/r$.
# - Adding a constant is diagonal in the Fourier basis.

# %% [markdown] lang="ko"
# ## 정리
#
# - $\mathrm{QFT}|j\rangle = \frac{1}{\sqrt N}\sum_k \omega^{jk}|k\rangle$은 위상이
#   $2\pi j 2^q/N$인 단일 큐비트 상태들의 곱입니다.
# - 회로: H와 제어 위상 $\pi/2^{t-c}$, 그리고 큐비트 순서를 뒤집는 SWAP. 게이트는 $O(n^2)$개,
#   근사하면 $O(n \log n)$개입니다.
# - 주기가 $r$인 상태의 QFT는 $N/r$의 배수에 몰려 있습니다.
# - 상수 더하기는 푸리에 기저에서 대각 연산입니다.
