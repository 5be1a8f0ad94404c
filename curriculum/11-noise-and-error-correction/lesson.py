# %% [markdown] lang="en"
# # Noise and quantum error correction
# Real qubits are not perfect: gates are slightly wrong, excited states decay, and the readout
# sometimes reports the wrong bit. In this module you will describe noise with **density
# matrices**, simulate it with **Aer noise models**, protect a qubit with the **bit-flip**,
# **phase-flip** and **Shor 9-qubit** codes using mid-circuit measurement and `if_test`, and
# clean up measured distributions with **readout-error mitigation**.

# %% [markdown] lang="ko"
# # 잡음과 양자 오류 정정
# 실제 큐비트는 완벽하지 않습니다. 게이트는 조금씩 틀리고, 들뜬 상태는 이완하며, 판독은 때때로
# 틀린 비트를 알려 줍니다. 이 모듈에서는 잡음을 **밀도 행렬(density matrix)**로 기술하고,
# **Aer 잡음 모델(noise model)**로 시뮬레이션하며, 회로 중간 측정과 `if_test`를 이용해
# **비트 반전 코드(bit-flip code)**, **위상 반전 코드(phase-flip code)**, **쇼어의 9-큐비트
# 코드(Shor code)**로 큐비트를 보호하고, **판독 오류 완화(readout-error mitigation)**로 측정
# 분포를 바로잡습니다.

# %% [markdown] lang="en"
# ## Density matrices
# A statevector $|\psi\rangle$ describes a *pure* state. When we only know that the system is in
# $|\psi_k\rangle$ with probability $p_k$ (for example because an error happened or not), we use
# the density matrix
# $$\rho = \sum_k p_k\, |\psi_k\rangle\langle\psi_k| .$$
# Its diagonal holds the measurement probabilities, its off-diagonal entries (the *coherences*)
# hold the phase information that makes interference possible. The **fidelity** of $\rho$ with a
# pure target is $F = \langle\psi|\rho|\psi\rangle$.

# %% [markdown] lang="ko"
# ## 밀도 행렬
# 상태벡터 $|\psi\rangle$는 *순수* 상태를 기술합니다. 계가 확률 $p_k$로 $|\psi_k\rangle$에
# 있다는 것만 알 때(예를 들어 오류가 일어났는지 아닌지 모를 때)는 밀도 행렬
# $$\rho = \sum_k p_k\, |\psi_k\rangle\langle\psi_k|$$
# 를 씁니다. 대각 성분은 측정 확률이고, 비대각 성분(*결맞음(coherence)*)은 간섭을 가능하게 하는
# 위상 정보를 담습니다. 순수한 목표 상태에 대한 $\rho$의 **충실도(fidelity)**는
# $F = \langle\psi|\rho|\psi\rangle$입니다.

# %%
from qiskit.quantum_info import DensityMatrix, state_fidelity

plus = DensityMatrix.from_label("+")
mixed = 0.5 * DensityMatrix.from_label("0") + 0.5 * DensityMatrix.from_label("1")
print(np.round(plus.data.real, 3))
print(np.round(mixed.data.real, 3))
print(
    state_fidelity(plus, Statevector.from_label("+")),
    state_fidelity(mixed, Statevector.from_label("+")),
)

# %% [markdown] lang="en"
# Both states give 0 and 1 with probability 1/2 each, but only $|+\rangle$ has coherences: an H
# gate turns it into $|0\rangle$, while the mixed state stays mixed.
#
# ## Noise channels
# Three channels describe most of what goes wrong on hardware:
#
# * **Depolarizing** with probability $p$: $\rho \mapsto (1-p)\,\rho + p\, I/2^n$
#   (`depolarizing_error(p, n)`).
# * **Amplitude damping** with parameter $\gamma$: $|1\rangle$ decays to $|0\rangle$ with
#   probability $\gamma$ (energy relaxation, $T_1$); populations move towards $|0\rangle$ and the
#   coherences shrink by $\sqrt{1-\gamma}$ (`amplitude_damping_error(gamma)`).
# * **Readout error**: the state is fine but the reported bit is wrong with some probability
#   (`ReadoutError`).

# %% [markdown] lang="ko"
# 두 상태 모두 0과 1을 각각 확률 1/2로 내지만, 결맞음이 있는 것은 $|+\rangle$뿐입니다. H 게이트를
# 적용하면 $|+\rangle$는 $|0\rangle$이 되지만 혼합 상태(mixed state)는 그대로 섞여 있습니다.
#
# ## 잡음 채널
# 하드웨어에서 생기는 문제의 대부분은 세 가지 채널로 기술됩니다.
#
# * 확률 $p$의 **탈분극(depolarizing)**: $\rho \mapsto (1-p)\,\rho + p\, I/2^n$
#   (`depolarizing_error(p, n)`).
# * 매개변수 $\gamma$의 **진폭 감쇠(amplitude damping)**: $|1\rangle$이 확률 $\gamma$로
#   $|0\rangle$으로 이완합니다(에너지 이완, $T_1$). 분포는 $|0\rangle$ 쪽으로 옮겨 가고 결맞음은
#   $\sqrt{1-\gamma}$배로 줄어듭니다(`amplitude_damping_error(gamma)`).
# * **판독 오류(readout error)**: 상태는 멀쩡하지만 보고되는 비트가 어떤 확률로 틀립니다
#   (`ReadoutError`).

# %%
from qiskit_aer.noise import amplitude_damping_error, depolarizing_error

depolarized = plus.evolve(depolarizing_error(0.2, 1).to_quantumchannel())
print(np.round(depolarized.data.real, 3))
damped = DensityMatrix.from_label("1").evolve(amplitude_damping_error(0.25).to_quantumchannel())
print(np.round(damped.data.real, 3))

# %% [markdown] lang="en"
# ## Aer noise models
# A `NoiseModel` attaches errors to gate names (and readout errors to measurements). Aer's
# `density_matrix` method then evolves the exact mixed state, while the default method samples
# the errors shot by shot. Here a Bell pair is prepared with noisy gates and read out with a noisy
# measurement; compare the histogram with the ideal 50/50 split between 00 and 11.
#
# The noisy run is shown twice: with `run(...)`, and with Aer's **Sampler** primitive (`SamplerV2`
# from `qiskit_aer.primitives`, module 2), as a program for IBM hardware would run it. The
# Sampler's simulator takes the noise model through its options,
# `options={"backend_options": {"noise_model": ...}}`, or is an existing simulator,
# `SamplerV2.from_backend(simulator)`. With the same seed both draw the same noisy shots, and the
# comparison prints `True`.

# %% [markdown] lang="ko"
# ## Aer 잡음 모델
# `NoiseModel`은 게이트 이름에 오류를 붙이고, 측정에는 판독 오류를 붙입니다. Aer의
# `density_matrix` 방법은 혼합 상태를 정확히 계산하고, 기본 방법은 샷마다 오류를 표본 추출합니다.
# 아래에서는 잡음이 있는 게이트로 벨 쌍을 만들고 잡음이 있는 측정으로 읽습니다. 00과 11이
# 반반인 이상적인 결과와 히스토그램을 비교해 보세요.
#
# 잡음이 있는 실행은 두 가지로 보여 줍니다. `run(...)`으로 한 번, IBM 하드웨어용 프로그램처럼 Aer의
# **Sampler** 프리미티브(`qiskit_aer.primitives`의 `SamplerV2`, 모듈 2)로 한 번입니다. Sampler의
# 시뮬레이터는 옵션 `options={"backend_options": {"noise_model": ...}}`으로 잡음 모델을 받거나,
# `SamplerV2.from_backend(simulator)`처럼 이미 있는 시뮬레이터를 씁니다. 시드가 같으면 두 실행은 잡음이
# 섞인 같은 샷을 뽑으므로, 비교 결과는 `True`입니다.

# %%
from qiskit.visualization import plot_histogram
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, ReadoutError
from qiskit_aer.primitives import SamplerV2

noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.02, 1), ["h"])
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.08, 2), ["cx"])
noise_model.add_all_qubit_readout_error(ReadoutError([[0.95, 0.05], [0.1, 0.9]]))

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
bell.measure_all()
noisy_counts = (
    AerSimulator(noise_model=noise_model)
    .run(bell, shots=4000, seed_simulator=7)
    .result()
    .get_counts()
)
noisy_sampler = SamplerV2(seed=7, options={"backend_options": {"noise_model": noise_model}})
noisy_bits = noisy_sampler.run([bell], shots=4000).result()[0].data.meas
print(noisy_bits.get_counts() == noisy_counts)
plot_histogram(noisy_counts)

# %% [markdown] lang="en"
# With `save_density_matrix()` and `method="density_matrix"` you get the exact noisy state
# instead of samples, which is what the first exercise uses.

# %% [markdown] lang="ko"
# `save_density_matrix()`와 `method="density_matrix"`를 쓰면 표본 대신 잡음이 낀 정확한 상태를
# 얻습니다. 첫 번째 연습 문제에서 이 방법을 씁니다.

# %% exercise="noisy_bell_fidelity"

# %% exercise="damped_plus_state"

# %% [markdown] lang="en"
# ## The bit-flip code
# Copying an unknown state is impossible (no-cloning), but we can spread it out:
# $\alpha|0\rangle + \beta|1\rangle \mapsto \alpha|000\rangle + \beta|111\rangle$ with two CNOTs.
# If one qubit suffers an X error, the **parities** $q_0\oplus q_1$ and $q_1\oplus q_2$ (the
# **syndrome**) tell which qubit flipped, *without* revealing $\alpha$ or $\beta$: every branch of
# the superposition has the same parities. We copy each parity onto an ancilla with two CNOTs,
# measure the ancillas mid-circuit, and apply the correction with `if_test`.
#
# | error | $q_0\oplus q_1$ | $q_1\oplus q_2$ | correction |
# |---|---|---|---|
# | none | 0 | 0 | — |
# | X on $q_0$ | 1 | 0 | X on $q_0$ |
# | X on $q_1$ | 1 | 1 | X on $q_1$ |
# | X on $q_2$ | 0 | 1 | X on $q_2$ |

# %% [markdown] lang="ko"
# ## 비트 반전 코드
# 모르는 상태를 복제할 수는 없지만(복제 불가 정리), 퍼뜨릴 수는 있습니다. CNOT 두 개로
# $\alpha|0\rangle + \beta|1\rangle \mapsto \alpha|000\rangle + \beta|111\rangle$을 만듭니다.
# 한 큐비트에 X 오류가 생기면 **패리티** $q_0\oplus q_1$과 $q_1\oplus q_2$(**신드롬
# (syndrome)**)가 어느 큐비트가 뒤집혔는지 알려 주며, $\alpha$나 $\beta$는 *드러내지 않습니다*.
# 중첩의 모든 가지가 같은 패리티를 갖기 때문입니다. 각 패리티를 CNOT 두 개로 보조 큐비트에 복사하고,
# 회로 중간에 보조 큐비트를 측정한 뒤 `if_test`로 정정합니다.
#
# | 오류 | $q_0\oplus q_1$ | $q_1\oplus q_2$ | 정정 |
# |---|---|---|---|
# | 없음 | 0 | 0 | — |
# | $q_0$에 X | 1 | 0 | $q_0$에 X |
# | $q_1$에 X | 1 | 1 | $q_1$에 X |
# | $q_2$에 X | 0 | 1 | $q_2$에 X |

# %%
encoder = QuantumCircuit(3)
encoder.cx(0, 1)
encoder.cx(0, 2)
encoder.draw("mpl")

# %% [markdown] lang="en"
# A `ClassicalRegister` read as a number follows Qiskit's little-endian order: classical bit 0 is
# the least significant bit. Below, an X error on qubit 1 flips both parities, so the register
# reads 3, and the measurement leaves the data qubits untouched.

# %% [markdown] lang="ko"
# `ClassicalRegister`를 수로 읽을 때는 Qiskit의 리틀 엔디언 순서를 따릅니다. 고전 비트 0이 가장
# 낮은 자리입니다. 아래에서 큐비트 1의 X 오류는 두 패리티를 모두 뒤집으므로 레지스터 값은 3이
# 되고, 측정은 데이터 큐비트를 건드리지 않습니다.

# %%
syndrome_demo = QuantumCircuit(5, 2)
syndrome_demo.compose(encoder, qubits=[0, 1, 2], inplace=True)
syndrome_demo.x(1)
syndrome_demo.cx(0, 3)
syndrome_demo.cx(1, 3)
syndrome_demo.cx(1, 4)
syndrome_demo.cx(2, 4)
syndrome_demo.measure([3, 4], [0, 1])
print(AerSimulator().run(syndrome_demo, shots=100, seed_simulator=3).result().get_counts())
print(SamplerV2(seed=3).run([syndrome_demo], shots=100).result()[0].data.c.get_counts())
syndrome_demo.draw("mpl")

# %% exercise="bit_flip_correction"

# %% [markdown] lang="en"
# ## How much does the code help?
# If each of the three qubits flips independently with probability $p$, the majority vote fails
# only when two or three of them flip:
# $$p_L = 3p^2(1-p) + p^3 = 3p^2 - 2p^3 ,$$
# which is smaller than $p$ whenever $p < 1/2$. The decoding does not even need a measurement: after
# undoing the encoder, qubits 1 and 2 hold the syndrome, and a Toffoli gate flips qubit 0 back when
# both are 1.

# %% [markdown] lang="ko"
# ## 코드는 얼마나 도움이 될까?
# 세 큐비트가 각각 독립적으로 확률 $p$로 뒤집힌다면, 다수결은 둘 또는 셋이 뒤집힐 때만 실패합니다.
# $$p_L = 3p^2(1-p) + p^3 = 3p^2 - 2p^3$$
# 이 값은 $p < 1/2$이면 언제나 $p$보다 작습니다. 복호에는 측정조차 필요 없습니다. 부호기를
# 되돌리면 큐비트 1과 2에 신드롬이 남고, 둘 다 1일 때 토폴리(Toffoli) 게이트가 큐비트 0을 다시
# 뒤집습니다.

# %%
import matplotlib.pyplot as plt

flip_probability = np.linspace(0, 0.6, 61)
plt.plot(flip_probability, flip_probability, label="$p$")
plt.plot(
    flip_probability,
    3 * flip_probability**2 - 2 * flip_probability**3,
    label="$3p^2 - 2p^3$",
)
plt.xlabel("$p$")
plt.ylabel("$p_L$")
plt.legend()
plt.show()

# %% exercise="majority_decoder"

# %% [markdown] lang="en"
# ## The phase-flip code
# A Z error has no classical analogue, but in the Hadamard basis it is a bit flip:
# $HZH = X$. Encoding $\alpha|0\rangle + \beta|1\rangle \mapsto \alpha|{+}{+}{+}\rangle +
# \beta|{-}{-}{-}\rangle$ (the bit-flip encoder followed by H on each qubit) turns phase flips into
# bit flips that the parity check can see after rotating back with H.

# %% [markdown] lang="ko"
# ## 위상 반전 코드
# Z 오류에는 고전적인 대응물이 없지만, 아다마르 기저에서 보면 비트 반전입니다: $HZH = X$.
# $\alpha|0\rangle + \beta|1\rangle \mapsto \alpha|{+}{+}{+}\rangle + \beta|{-}{-}{-}\rangle$로
# 부호화하면(비트 반전 부호기 다음 각 큐비트에 H), H로 되돌렸을 때 위상 반전이 패리티 검사로 볼
# 수 있는 비트 반전이 됩니다.

# %%
z_error = QuantumCircuit(1)
z_error.z(0)
rotated = QuantumCircuit(1)
rotated.h(0)
rotated.x(0)
rotated.h(0)
print(Operator(z_error).equiv(Operator(rotated)))

# %% exercise="phase_flip_correction"

# %% [markdown] lang="en"
# ## Shor's 9-qubit code
# Shor concatenated the two codes: first the phase-flip code on three qubits, then each of them
# protected by a bit-flip code:
# $$|0_L\rangle = \tfrac{1}{2\sqrt2}(|000\rangle+|111\rangle)^{\otimes 3},\qquad
#   |1_L\rangle = \tfrac{1}{2\sqrt2}(|000\rangle-|111\rangle)^{\otimes 3}.$$
# Inside each block, $Z_iZ_j$ parities locate an X error. A Z error on any qubit flips the sign of
# its block; the products $X^{\otimes 6}$ on blocks 1+2 and on blocks 2+3 compare block signs and
# locate it. A Y error ($Y \propto XZ$) triggers both corrections. Because every single-qubit error
# is a combination of $I, X, Y, Z$, correcting these four corrects **any** single-qubit error,
# including small rotations, a remarkable fact called the *discretization of errors*.

# %% [markdown] lang="ko"
# ## 쇼어의 9-큐비트 코드
# 쇼어는 두 코드를 이어 붙였습니다(연접, concatenation). 먼저 세 큐비트에 위상 반전 코드를 쓰고,
# 그 각각을 비트 반전 코드로 다시 보호합니다.
# $$|0_L\rangle = \tfrac{1}{2\sqrt2}(|000\rangle+|111\rangle)^{\otimes 3},\qquad
#   |1_L\rangle = \tfrac{1}{2\sqrt2}(|000\rangle-|111\rangle)^{\otimes 3}$$
# 각 블록 안에서는 $Z_iZ_j$ 패리티가 X 오류의 위치를 찾습니다. 어느 큐비트의 Z 오류든 그 블록의
# 부호를 뒤집으며, 블록 1+2와 블록 2+3에 대한 $X^{\otimes 6}$ 곱이 블록의 부호를 비교해 위치를
# 찾습니다. Y 오류($Y \propto XZ$)는 두 정정을 모두 일으킵니다. 모든 단일 큐비트 오류는
# $I, X, Y, Z$의 조합이므로, 이 넷을 정정하면 작은 회전을 포함한 **임의의** 단일 큐비트 오류가
# 정정됩니다. 이 놀라운 사실을 *오류의 이산화(discretization of errors)*라고 합니다.

# %%
shor_encoder = QuantumCircuit(9)
shor_encoder.cx(0, 3)
shor_encoder.cx(0, 6)
for first in (0, 3, 6):
    shor_encoder.h(first)
    shor_encoder.cx(first, first + 1)
    shor_encoder.cx(first, first + 2)
logical_zero = Statevector(shor_encoder)
print({bits: round(float(p), 4) for bits, p in logical_zero.probabilities_dict().items()})
shor_encoder.draw("mpl")

# %% exercise="shor_correction"

# %% [markdown] lang="en"
# ## Readout-error mitigation
# Readout errors can be measured and undone on average. Prepare each basis state $|j\rangle$,
# measure many times, and record the calibration matrix $M_{ij} = P(\text{read } i \mid
# \text{prepared } j)$. The measured distribution is then $q = M p$, so the true distribution is
# estimated by solving $M p = q$. This is *mitigation*, not correction: it fixes statistics, not
# single shots, and small negative probabilities can appear from sampling noise.

# %% [markdown] lang="ko"
# ## 판독 오류 완화
# 판독 오류는 측정해 두었다가 평균적으로 되돌릴 수 있습니다. 각 기저 상태 $|j\rangle$를 준비해
# 여러 번 측정하고 보정 행렬(calibration matrix) $M_{ij} = P(i\text{를 읽음} \mid
# j\text{를 준비함})$을 기록합니다. 그러면 측정 분포는 $q = M p$이므로, $M p = q$를 풀어 참
# 분포를 추정합니다. 이것은 정정이 아니라 *완화*입니다. 개별 샷이 아니라 통계를 고치며, 표본
# 잡음 때문에 작은 음수 확률이 나올 수도 있습니다.

# %%
readout_model = NoiseModel()
readout_model.add_all_qubit_readout_error(ReadoutError([[0.95, 0.05], [0.1, 0.9]]))
readout_sim = AerSimulator(noise_model=readout_model)
calibration = np.zeros((2, 2))
same = []
for prepared in (0, 1):
    prep = QuantumCircuit(1, 1)
    if prepared:
        prep.x(0)
    prep.measure(0, 0)
    cal_counts = (
        readout_sim.run(prep, shots=4000, seed_simulator=21 + prepared).result().get_counts()
    )
    cal_sampler = SamplerV2.from_backend(readout_sim, seed=21 + prepared)
    same.append(cal_sampler.run([prep], shots=4000).result()[0].data.c.get_counts() == cal_counts)
    for bits, count in cal_counts.items():
        calibration[int(bits, 2), prepared] = count / 4000
print(same)
print(np.round(calibration, 3))

# %% exercise="mitigate_readout"

# %% [markdown] lang="en"
# ## Stabilizers
# The codes above were described by their *checks*: $Z_0Z_1$ and $Z_1Z_2$ for the bit-flip code.
# This is the **stabilizer formalism**: a state (or a code space) is fixed by a group of Pauli
# operators $g$ with $g|\psi\rangle = +|\psi\rangle$. The Bell state
# $(|00\rangle + |11\rangle)/\sqrt2$ is the only state stabilized by both $XX$ and $ZZ$, so two
# Pauli labels describe it. Two Paulis either commute or anticommute; they anticommute exactly when
# the number of positions where both are non-identity and different is odd.

# %% [markdown] lang="ko"
# ## 안정자
# 위의 코드들은 *검사*로 기술되었습니다. 비트 반전 코드라면 $Z_0Z_1$과 $Z_1Z_2$입니다. 이것이
# **안정자 형식론(stabilizer formalism)**입니다. 상태(또는 코드 공간)는 $g|\psi\rangle =
# +|\psi\rangle$를 만족하는 파울리 연산자 $g$들의 군으로 정해집니다. 벨 상태
# $(|00\rangle + |11\rangle)/\sqrt2$는 $XX$와 $ZZ$가 모두 안정화하는 유일한 상태이므로, 파울리
# 레이블 두 개로 기술됩니다. 두 파울리 연산자는 교환하거나 반교환하며, 둘 다 항등이 아니고 서로 다른
# 자리의 수가 홀수일 때만 반교환합니다.

# %%
from qiskit.quantum_info import Pauli

bell = Statevector([1, 0, 0, 1]) / np.sqrt(2)
for label in ["XX", "ZZ", "YY", "ZI"]:
    print(label, round(float(np.real(bell.expectation_value(Pauli(label)))), 6))
print(Pauli("XX").commutes(Pauli("ZZ")), Pauli("XI").commutes(Pauli("ZI")))

# %% exercise="ghz_stabilizers"

# %% exercise="paulis_commute"

# %% [markdown] lang="en"
# ## Syndromes, the Steane code and the 5-qubit code
# An error $E$ moves a code state to $E|\psi\rangle$. A generator $g$ that anticommutes with $E$
# now measures $-1$, one that commutes still measures $+1$: the list of these outcomes is the
# **syndrome**. The **Steane code** uses the three X-type and three Z-type checks of the classical
# Hamming code on 7 qubits; the **5-qubit code** has the four cyclic generators $XZZXI$, $IXZZX$,
# $XIXZZ$, $ZXIXZ$ and is the smallest code that corrects any single-qubit error. With $n$ qubits
# and $r$ independent generators a code keeps $k = n - r$ logical qubits: $7 - 6 = 5 - 4 = 1$.

# %% [markdown] lang="ko"
# ## 신드롬, 스테인 코드, 5-큐비트 코드
# 오류 $E$는 코드 상태를 $E|\psi\rangle$로 옮깁니다. $E$와 반교환하는 생성원 $g$는 이제 $-1$을,
# 교환하는 생성원은 여전히 $+1$을 측정합니다. 이 결과들의 목록이 **신드롬**입니다. **스테인
# 코드(Steane code)**는 7개 큐비트에 고전 해밍 코드의 X형 검사 셋과 Z형 검사 셋을 씁니다.
# **5-큐비트 코드**는 순환하는 생성원 넷 $XZZXI$, $IXZZX$, $XIXZZ$, $ZXIXZ$를 가지며, 임의의 단일
# 큐비트 오류를 정정하는 가장 작은 코드입니다. 큐비트 $n$개와 독립 생성원 $r$개를 가진 코드에는
# 논리 큐비트 $k = n - r$개가 남습니다: $7 - 6 = 5 - 4 = 1$.

# %%
five_qubit_code = ["XZZXI", "IXZZX", "XIXZZ", "ZXIXZ"]
error = Pauli("IIYII")
print([0 if Pauli(g).commutes(error) else 1 for g in five_qubit_code])

# %% exercise="stabilizer_syndrome"

# %% [markdown] lang="en"
# On hardware a generator is measured with an ancilla: H on the ancilla, the Pauli controlled by
# it, H again. The ancilla then reads 0 on the $+1$ eigenspace and 1 on the $-1$ eigenspace, and
# the data are projected without learning the encoded state. Below, $ZZ$ on the Bell state
# $\Phi^+$ (qubits 0, 1, ancilla 2): the ancilla stays 0 with certainty.

# %% [markdown] lang="ko"
# 실제 하드웨어에서는 생성원을 보조 큐비트로 측정합니다. 보조 큐비트에 H, 보조 큐비트를 제어로 한
# 파울리 연산자, 다시 H를 겁니다. 그러면 보조 큐비트는 $+1$ 고유공간에서 0, $-1$ 고유공간에서 1을
# 읽고, 데이터는 부호화된 상태를 알려 주지 않은 채 사영됩니다. 아래는 벨 상태 $\Phi^+$(큐비트 0,
# 1, 보조 큐비트 2)에서 $ZZ$를 측정하는 예로, 보조 큐비트는 확실히 0에 머뭅니다.

# %%
zz_check = QuantumCircuit(3)
zz_check.h(0)
zz_check.cx(0, 1)
zz_check.h(2)
zz_check.cz(2, 0)
zz_check.cz(2, 1)
zz_check.h(2)
ancilla_probabilities = Statevector(zz_check).probabilities_dict([2])
print({bit: round(float(p), 6) for bit, p in ancilla_probabilities.items()})

# %% exercise="measure_stabilizer"

# %% exercise="logical_qubit_count"

# %% [markdown] lang="en"
# ## Summary
# * Density matrices describe noisy (mixed) states; fidelity measures how close they are to a goal.
# * Aer noise models attach depolarizing, amplitude-damping and readout errors to a simulation.
# * Syndrome measurement locates an error without learning the encoded state, and `if_test`
#   applies the correction mid-circuit; Shor's code corrects any single-qubit error.
# * Readout mitigation inverts a measured calibration matrix to recover the true distribution.

# %% [markdown] lang="ko"
# ## 요약
# * 밀도 행렬은 잡음이 낀(섞인) 상태를 기술하고, 충실도는 목표 상태와 얼마나 가까운지 잽니다.
# * Aer 잡음 모델은 탈분극, 진폭 감쇠, 판독 오류를 시뮬레이션에 붙입니다.
# * 신드롬 측정은 부호화된 상태를 알아내지 않고 오류의 위치를 찾으며, `if_test`는 회로 중간에
#   정정을 적용합니다. 쇼어 코드는 임의의 단일 큐비트 오류를 정정합니다.
# * 판독 오류 완화는 측정한 보정 행렬의 역을 이용해 참 분포를 되찾습니다.
