# %% [markdown] lang="en"
# # Quantum protocols: teleportation, superdense coding, entanglement swapping
#
# In module 3 you built entangled pairs. Now you put them to work. Three protocols show what a
# shared Bell pair is good for:
#
# - **Teleportation** sends an unknown qubit state using one Bell pair and **two classical bits**.
# - **Superdense coding** does the reverse: it sends **two classical bits** using one Bell pair and
#   one transmitted qubit.
# - **Entanglement swapping** entangles two qubits that never interacted, the basic step of a
#   quantum repeater and of a future quantum internet.
#
# All three need two new tools: measuring **in the middle of a circuit** and letting later gates
# depend on the result (**classical feed-forward**). By the end of this module you should be able
# to draw each circuit from memory and explain every gate in it.

# %% [markdown] lang="ko"
# # 양자 프로토콜: 순간이동, 초고밀도 부호화, 얽힘 교환
#
# 모듈 3에서는 얽힌 쌍을 만들었습니다. 이제 그것을 실제로 써 봅니다. 세 가지 프로토콜이 공유된
# 벨 쌍(Bell pair)이 어디에 쓸모 있는지 보여 줍니다.
#
# - **양자 순간이동**(quantum teleportation)은 벨 쌍 하나와 **고전 비트 두 개**로 미지의 큐비트
#   상태를 보냅니다.
# - **초고밀도 부호화**(superdense coding)는 그 반대입니다. 벨 쌍 하나와 큐비트 하나를 전송해
#   **고전 비트 두 개**를 보냅니다.
# - **얽힘 교환**(entanglement swapping)은 한 번도 상호작용한 적 없는 두 큐비트를 얽히게 합니다.
#   양자 중계기(quantum repeater)와 미래 양자 인터넷의 기본 단계입니다.
#
# 세 프로토콜 모두 두 가지 새 도구가 필요합니다. **회로 중간에서 측정**하는 것과, 그 결과에 따라
# 이후 게이트를 결정하는 것(**고전 피드포워드**, classical feed-forward)입니다. 이 모듈을 마치면
# 각 회로를 외워서 그리고 그 안의 모든 게이트를 설명할 수 있어야 합니다.

# %%
from qiskit.quantum_info import DensityMatrix, state_fidelity
from qiskit.result import marginal_counts
from qiskit.visualization import plot_bloch_multivector, plot_histogram
from qiskit_aer import AerSimulator

sim = AerSimulator()
SEED = 2026  # every simulation in this lesson is seeded, so you see the same pictures we do

# %% [markdown] lang="en"
# ## 1. Mid-circuit measurement and classical feed-forward
#
# A measurement does not have to be the last thing in a circuit. `qc.measure(q, c)` measures qubit
# `q`, stores the result in **classical bit** `c`, and leaves the qubit in the basis state that
# was observed ($|0\rangle$ or $|1\rangle$); the circuit then goes on. Later gates can depend on
# the stored bit:
#
# ```python
# with qc.if_test((qc.clbits[0], 1)):   # "if classical bit 0 is 1 ..."
#     qc.x(1)                            # "... apply X to qubit 1"
# ```
#
# The block under `with` runs only in those shots where the condition holds. This is
# **classical feed-forward**: a classical result, obtained during the run, steers the rest of the
# quantum circuit. Qiskit writes classical bits like qubits, little-endian: in a counts key
# `'c1c0'`, classical bit 0 is the rightmost character.
#
# A first example: copy a random bit. Qubit 0 is put in $|+\rangle$ and measured, giving a random
# 0 or 1; if it was 1 we flip qubit 1. At the end both qubits always agree.

# %% [markdown] lang="ko"
# ## 1. 회로 중간 측정과 고전 피드포워드
#
# 측정이 반드시 회로의 마지막에 올 필요는 없습니다. `qc.measure(q, c)`는 큐비트 `q`를 측정해 그
# 결과를 **고전 비트**(classical bit) `c`에 저장하고, 큐비트는 관측된 기저 상태($|0\rangle$ 또는
# $|1\rangle$)로 남겨 둡니다. 그 뒤에도 회로는 계속됩니다. 이후 게이트는 저장된 비트에 따라 달라질 수
# 있습니다.
#
# ```python
# with qc.if_test((qc.clbits[0], 1)):   # "고전 비트 0이 1이면 ..."
#     qc.x(1)                            # "... 큐비트 1에 X를 적용한다"
# ```
#
# `with` 아래의 블록은 조건이 성립하는 샷(shot)에서만 실행됩니다. 이것이 **고전 피드포워드**입니다.
# 실행 도중에 얻은 고전 결과가 나머지 양자 회로를 조종합니다. Qiskit은 고전 비트도 큐비트처럼 리틀
# 엔디언으로 씁니다. 측정 결과 키 `'c1c0'`에서 고전 비트 0은 가장 오른쪽 문자입니다.
#
# 첫 번째 예로 무작위 비트를 복사해 봅시다. 큐비트 0을 $|+\rangle$로 만들어 측정하면 0 또는 1이
# 무작위로 나옵니다. 1이 나왔다면 큐비트 1을 뒤집습니다. 마지막에 두 큐비트는 항상 같은 값입니다.

# %%
copy_bit = QuantumCircuit(2, 2)
copy_bit.h(0)
copy_bit.measure(0, 0)  # mid-circuit measurement into classical bit 0
with copy_bit.if_test((copy_bit.clbits[0], 1)):
    copy_bit.x(1)  # feed-forward: runs only when bit 0 is 1
copy_bit.measure(1, 1)
copy_bit.draw("mpl")

# %% [markdown] lang="en"
# Each sampling run in this module is shown twice: with `sim.run(...)`, and with Aer's **Sampler**
# primitive (`SamplerV2` from `qiskit_aer.primitives`, module 2), the way a program for IBM
# hardware runs it. The Sampler runs mid-circuit measurements and feed-forward too. With the same
# seed both draw the same shots, so each comparison prints `True`.

# %% [markdown] lang="ko"
# 이 모듈에서 표본을 뽑는 실행은 모두 두 가지로 보여 줍니다. `sim.run(...)`으로 한 번, IBM
# 하드웨어용 프로그램처럼 Aer의 **Sampler** 프리미티브(`qiskit_aer.primitives`의 `SamplerV2`,
# 모듈 2)로 한 번입니다. Sampler도 회로 중간 측정과 피드포워드를 실행합니다. 시드가 같으면 두
# 실행은 같은 샷을 뽑으므로, 비교 결과는 모두 `True`입니다.

# %%
from qiskit_aer.primitives import SamplerV2

counts = sim.run(copy_bit, shots=1000, seed_simulator=SEED).result().get_counts()
sampled = SamplerV2(seed=SEED).run([copy_bit], shots=1000).result()[0].data.c
print(sampled.get_counts() == counts)
plot_histogram(counts)

# %% [markdown] lang="en"
# Only `00` and `11` appear. Compare with the Bell state of module 3, which gives the same
# statistics: here the correlation is produced **classically**, shot by shot, after a measurement
# destroyed the superposition. Feed-forward cannot create entanglement, but it can **correct** a
# quantum state once we know which error happened, and that is exactly what the protocols below
# need.

# %% [markdown] lang="ko"
# `00`과 `11`만 나옵니다. 같은 통계를 주는 모듈 3의 벨 상태와 비교해 보세요. 여기서는 측정이 중첩을
# 없앤 뒤 샷마다 **고전적으로** 상관관계를 만든 것입니다. 피드포워드로 얽힘을 만들 수는 없지만,
# 어떤 오류가 일어났는지 알고 나면 양자 상태를 **보정**할 수는 있습니다. 아래의 프로토콜들에 필요한
# 것이 바로 그것입니다.

# %% exercise="feed_forward_one"

# %% [markdown] lang="en"
# ## 2. The Bell measurement
#
# The four Bell states are an orthonormal basis, so we can **measure in the Bell basis**: find out
# which of the four a pair is in. Hardware only measures in the computational basis, so we first
# rotate the Bell basis onto it by running the preparation circuit **backwards**. The preparation
# (H on qubit 0, then CNOT 0→1) maps
#
# | input $\lvert q_1 q_0\rangle$ | $\lvert 00\rangle$ | $\lvert 01\rangle$ | $\lvert 10\rangle$ | $\lvert 11\rangle$ |
# |---|---|---|---|---|
# | Bell state | $\lvert\Phi^+\rangle$ | $\lvert\Phi^-\rangle$ | $\lvert\Psi^+\rangle$ | $\tfrac{1}{\sqrt2}(\lvert 10\rangle - \lvert 01\rangle) = -\lvert\Psi^-\rangle$ |
#
# Undoing it means CNOT 0→1 first, then H on qubit 0. After that, measuring gives the two bits
# $q_1 q_0$ that name the Bell state: **qubit 0 reads the sign** (+ or −) and **qubit 1 reads the
# parity** (Φ: equal bits, Ψ: different bits).
#
# Notice the sign in the last column. As a *state*, $-|\Psi^-\rangle$ and $|\Psi^-\rangle$ are the
# same. But inside an *operator* one column cannot carry its own sign without changing the
# operator: the relative signs between columns are physical. That is why the next exercise spells
# out the Bell basis exactly as the preparation circuit produces it.

# %% [markdown] lang="ko"
# ## 2. 벨 측정
#
# 네 벨 상태는 정규직교 기저이므로 **벨 기저로 측정**할 수 있습니다. 즉 한 쌍이 네 상태 중 어느
# 것인지 알아낼 수 있습니다. 하드웨어는 계산 기저(computational basis)로만 측정하므로, 먼저 준비
# 회로를 **거꾸로** 실행해 벨 기저를 계산 기저로 돌려놓습니다. 준비 회로(큐비트 0에 H, 그다음
# CNOT 0→1)는 다음과 같이 대응시킵니다.
#
# | 입력 $\lvert q_1 q_0\rangle$ | $\lvert 00\rangle$ | $\lvert 01\rangle$ | $\lvert 10\rangle$ | $\lvert 11\rangle$ |
# |---|---|---|---|---|
# | 벨 상태 | $\lvert\Phi^+\rangle$ | $\lvert\Phi^-\rangle$ | $\lvert\Psi^+\rangle$ | $\tfrac{1}{\sqrt2}(\lvert 10\rangle - \lvert 01\rangle) = -\lvert\Psi^-\rangle$ |
#
# 되돌리려면 먼저 CNOT 0→1, 그다음 큐비트 0에 H를 적용합니다. 그 뒤에 측정하면 벨 상태의 이름이 되는
# 두 비트 $q_1 q_0$를 얻습니다. **큐비트 0은 부호**(+ 또는 −)를, **큐비트 1은 패리티**(parity,
# Φ는 두 비트가 같음, Ψ는 다름)를 읽습니다.
#
# 마지막 열의 부호에 주목하세요. *상태*로서는 $-|\Psi^-\rangle$와 $|\Psi^-\rangle$가 같습니다.
# 하지만 *연산자* 안에서는 한 열만 따로 부호를 바꾸면 다른 연산자가 됩니다. 열 사이의 상대 부호는
# 물리적인 의미가 있습니다. 그래서 다음 연습 문제는 준비 회로가 만드는 그대로 벨 기저를 정확히
# 적어 둡니다.


# %%
def bell_pair(label):
    """The Bell state that H(0) + CNOT(0->1) makes from basis state |label> (label = 'q1q0')."""
    qc = QuantumCircuit(2, 2)
    if label[1] == "1":
        qc.x(0)
    if label[0] == "1":
        qc.x(1)
    qc.h(0)
    qc.cx(0, 1)
    return qc


bell_measured, bell_sampled = {}, {}
for label in ("00", "01", "10", "11"):
    qc = bell_pair(label)
    qc.barrier()
    qc.cx(0, 1)  # undo the preparation ...
    qc.h(0)
    qc.measure([0, 1], [0, 1])  # ... then measure in the computational basis
    bell_measured[label] = sim.run(qc, shots=500, seed_simulator=SEED).result().get_counts()
    pub_result = SamplerV2(seed=SEED).run([qc], shots=500).result()[0]
    bell_sampled[label] = pub_result.data.c.get_counts()
print(bell_measured)
print(bell_sampled == bell_measured)
qc.draw("mpl")

# %% [markdown] lang="en"
# Each Bell state gives its own label with certainty: the Bell measurement identifies the state
# perfectly. In the next exercise you build the basis change as a gate (no measurement), graded as
# an operator.

# %% [markdown] lang="ko"
# 각 벨 상태에서 자기 레이블이 확률 1로 나옵니다. 벨 측정은 상태를 완벽하게 식별합니다. 다음 연습
# 문제에서는 이 기저 변환을 (측정 없이) 게이트로 만들고, 연산자로 채점합니다.

# %% exercise="bell_measurement"

# %% [markdown] lang="en"
# ## 3. Quantum teleportation
#
# Alice holds a qubit in an **unknown** state $|\psi\rangle = \alpha|0\rangle + \beta|1\rangle$
# (qubit 0). She cannot measure it to learn $\alpha$ and $\beta$ (one measurement gives one bit and
# destroys the state), and she cannot copy it (no-cloning theorem). But Alice and Bob share a Bell
# pair $|\Phi^+\rangle$: Alice holds qubit 1, Bob holds qubit 2, possibly far away.
#
# Write the three-qubit state with subscripts for the qubits. A short calculation, regrouping
# the terms by the state of Alice's two qubits, gives
#
# $$|\psi\rangle_0\,|\Phi^+\rangle_{12} = \tfrac12 \sum_{m_0, m_1 \in \{0,1\}}
#   \big|\beta_{m_1 m_0}\big\rangle_{01}\; X^{m_1} Z^{m_0}\, |\psi\rangle_2 ,$$
#
# where $|\beta_{m_1m_0}\rangle$ is the Bell state of section 2 (with the same sign convention). So:
#
# 1. Alice does a **Bell measurement** on qubits 0 and 1 (CNOT 0→1, H on 0, measure). She gets
#    two random bits $m_0$ (from qubit 0) and $m_1$ (from qubit 1), each of the four outcomes with
#    probability ¼ — independent of $|\psi\rangle$, so the bits reveal nothing about it.
# 2. Bob's qubit is now $X^{m_1}Z^{m_0}|\psi\rangle$: the right state up to a **known** Pauli error.
# 3. Alice sends $m_0 m_1$ to Bob over an ordinary channel. Bob undoes the error: **X if $m_1 = 1$**,
#    then **Z if $m_0 = 1$**. Now his qubit is exactly $|\psi\rangle$.
#
# Nothing travels faster than light (Bob must wait for the two bits), and Alice's original is
# destroyed by her measurement, so no copy is made.

# %% [markdown] lang="ko"
# ## 3. 양자 순간이동
#
# 앨리스(Alice)는 **미지의** 상태 $|\psi\rangle = \alpha|0\rangle + \beta|1\rangle$에 있는 큐비트
# (큐비트 0)를 가지고 있습니다. 앨리스는 이 큐비트를 측정해 $\alpha$와 $\beta$를 알아낼 수 없고
# (한 번 측정하면 비트 하나를 얻을 뿐이고 상태는 파괴됩니다), 복제할 수도 없습니다(복제 불가 정리,
# no-cloning theorem). 하지만 앨리스와 밥(Bob)은 벨 쌍 $|\Phi^+\rangle$를 나누어 가지고 있습니다.
# 앨리스는 큐비트 1을, 멀리 떨어져 있을 수도 있는 밥은 큐비트 2를 가집니다.
#
# 세 큐비트의 상태를 큐비트 번호를 아래첨자로 달아 써 봅시다. 앨리스의 두 큐비트 상태에 따라 항을
# 다시 묶는 짧은 계산을 하면 다음을 얻습니다.
#
# $$|\psi\rangle_0\,|\Phi^+\rangle_{12} = \tfrac12 \sum_{m_0, m_1 \in \{0,1\}}
#   \big|\beta_{m_1 m_0}\big\rangle_{01}\; X^{m_1} Z^{m_0}\, |\psi\rangle_2$$
#
# 여기서 $|\beta_{m_1m_0}\rangle$은 2절의 벨 상태입니다(부호 관례도 같습니다). 따라서 다음과 같습니다.
#
# 1. 앨리스는 큐비트 0과 1에 **벨 측정**을 합니다(CNOT 0→1, 큐비트 0에 H, 측정). 무작위 비트 두 개,
#    즉 큐비트 0에서 $m_0$, 큐비트 1에서 $m_1$을 얻습니다. 네 결과는 각각 확률 ¼로 나오며
#    $|\psi\rangle$와 무관하므로, 이 비트들은 $|\psi\rangle$에 대해 아무것도 드러내지 않습니다.
# 2. 이제 밥의 큐비트는 $X^{m_1}Z^{m_0}|\psi\rangle$입니다. **알려진** 파울리(Pauli) 오류만 빼면
#    올바른 상태입니다.
# 3. 앨리스는 $m_0 m_1$을 일반 통신 채널로 밥에게 보냅니다. 밥은 오류를 되돌립니다.
#    **$m_1 = 1$이면 X**, 그다음 **$m_0 = 1$이면 Z**를 적용합니다. 이제 밥의 큐비트는 정확히
#    $|\psi\rangle$입니다.
#
# 빛보다 빨리 전달되는 것은 없습니다(밥은 두 비트를 기다려야 합니다). 또 앨리스의 원본은 측정으로
# 파괴되므로 복제본이 생기지도 않습니다.

# %%
psi = QuantumCircuit(1)
psi.u(1.1, 0.7, 0.0, 0)  # an arbitrary "unknown" state to teleport

teleport_demo = QuantumCircuit(3, 2)
teleport_demo.compose(psi, qubits=[0], inplace=True)
teleport_demo.barrier()
teleport_demo.h(1)  # shared Bell pair on qubits 1 (Alice) and 2 (Bob)
teleport_demo.cx(1, 2)
teleport_demo.barrier()
teleport_demo.cx(0, 1)  # Alice's Bell measurement
teleport_demo.h(0)
teleport_demo.measure(0, 0)
teleport_demo.measure(1, 1)
with teleport_demo.if_test((teleport_demo.clbits[1], 1)):
    teleport_demo.x(2)  # Bob's corrections
with teleport_demo.if_test((teleport_demo.clbits[0], 1)):
    teleport_demo.z(2)
teleport_demo.draw("mpl", fold=-1)

# %% [markdown] lang="en"
# Does it work? Aer can save the state of Bob's qubit at the end (averaged over all measurement
# outcomes). We compare its Bloch vector with the input's. The two spheres should look the same.

# %% [markdown] lang="ko"
# 정말 될까요? Aer는 회로 끝에서 밥의 큐비트 상태를 (모든 측정 결과에 대해 평균하여) 저장할 수
# 있습니다. 그 블로흐 벡터를 입력 상태의 블로흐 벡터와 비교해 봅시다. 두 구가 똑같아 보여야 합니다.

# %%
with_save = teleport_demo.copy()
with_save.save_density_matrix(qubits=[2])
bob = DensityMatrix(
    sim.run(with_save, shots=200, seed_simulator=SEED).result().data(0)["density_matrix"]
)
print(round(state_fidelity(bob, Statevector(psi)), 6))  # fidelity with the input state
plot_bloch_multivector(Statevector(psi))

# %%
plot_bloch_multivector(bob)

# %% [markdown] lang="en"
# The fidelity is 1. And Alice's two bits really are uniformly random: every outcome appears
# about a quarter of the time, whatever state we teleport.

# %% [markdown] lang="ko"
# 충실도(fidelity)가 1입니다. 그리고 앨리스의 두 비트는 정말로 균등하게 무작위입니다. 어떤 상태를
# 순간이동하든 각 결과가 약 ¼씩 나옵니다.

# %%
alice_counts = sim.run(teleport_demo, shots=2000, seed_simulator=SEED).result().get_counts()
alice_bits = SamplerV2(seed=SEED).run([teleport_demo], shots=2000).result()[0].data.c
print(alice_bits.get_counts() == alice_counts)
plot_histogram(alice_counts)

# %% exercise="teleport"

# %% [markdown] lang="en"
# ## 4. Deferred measurement
#
# The **principle of deferred measurement** says that a measurement followed by a classically
# controlled gate can be replaced by a **quantum-controlled** gate, with the measurement moved to
# the end (or dropped). "Measure qubit 1, then X on qubit 2 if the result is 1" has the same effect
# on qubit 2 as "CNOT 1→2". Likewise "Z if $m_0 = 1$" becomes a CZ between qubits 0 and 2.
#
# Without measurements the whole teleportation circuit is a unitary, and we can look at the final
# statevector. Working through the sum above with controlled corrections gives
#
# $$\tfrac12\sum_{m_0,m_1}|m_1 m_0\rangle_{01}\,|\psi\rangle_2 = |+\rangle_0\,|+\rangle_1\,|\psi\rangle_2 ,$$
#
# so qubits 0 and 1 end in $|+\rangle$ and qubit 2 holds $|\psi\rangle$ — a **product** state.
# This form is useful in theory and on hardware without feed-forward, but it is not
# "teleportation" in the communication sense: the controlled gates would need Alice's and Bob's
# qubits to interact.

# %% [markdown] lang="ko"
# ## 4. 측정 지연
#
# **측정 지연 원리**(principle of deferred measurement)에 따르면, 측정 다음에 오는 고전 제어
# 게이트는 **양자 제어** 게이트로 바꾸고 측정은 끝으로 미룰(또는 생략할) 수 있습니다. "큐비트 1을
# 측정하고, 결과가 1이면 큐비트 2에 X"는 큐비트 2에 "CNOT 1→2"와 같은 효과를 냅니다. 마찬가지로
# "$m_0 = 1$이면 Z"는 큐비트 0과 2 사이의 CZ가 됩니다.
#
# 측정이 없으면 순간이동 회로 전체가 하나의 유니터리이므로 최종 상태벡터를 볼 수 있습니다. 위의
# 합에 제어 보정을 적용해 계산하면
#
# $$\tfrac12\sum_{m_0,m_1}|m_1 m_0\rangle_{01}\,|\psi\rangle_2 = |+\rangle_0\,|+\rangle_1\,|\psi\rangle_2$$
#
# 가 되어, 큐비트 0과 1은 $|+\rangle$로 끝나고 큐비트 2는 $|\psi\rangle$를 가집니다. 즉 **곱** 상태입니다.
# 이 형태는 이론에서, 그리고 피드포워드가 없는 하드웨어에서 유용합니다. 다만 통신이라는 의미의
# "순간이동"은 아닙니다. 제어 게이트를 쓰려면 앨리스와 밥의 큐비트가 직접 상호작용해야 하기 때문입니다.

# %% exercise="teleport_deferred"

# %% [markdown] lang="en"
# ## 5. Superdense coding
#
# Teleportation spends two classical bits to move one qubit. **Superdense coding** spends one qubit
# to move two classical bits. Alice and Bob again share $|\Phi^+\rangle$ (Alice: qubit 0, Bob:
# qubit 1). To send the message $b_1 b_0$, Alice acts **on her qubit only**:
#
# | message $b_1b_0$ | Alice applies | pair becomes | Bob's Bell measurement reads |
# |---|---|---|---|
# | `00` | nothing | $\lvert\Phi^+\rangle$ | `00` |
# | `01` | $Z$ | $\lvert\Phi^-\rangle$ | `01` |
# | `10` | $X$ | $\lvert\Psi^+\rangle$ | `10` |
# | `11` | $X$, then $Z$ | $-\lvert\Psi^-\rangle$ | `11` |
#
# So $b_1$ decides the X (the parity) and $b_0$ decides the Z (the sign). She then sends her
# single qubit to Bob, who does the Bell measurement of section 2 and reads $b_1b_0$ directly. One
# qubit carried two bits, which is impossible without the shared entanglement (Holevo's bound
# allows at most one bit per qubit otherwise).

# %% [markdown] lang="ko"
# ## 5. 초고밀도 부호화
#
# 순간이동은 고전 비트 두 개를 써서 큐비트 하나를 옮깁니다. **초고밀도 부호화**는 큐비트 하나를 써서
# 고전 비트 두 개를 옮깁니다. 앨리스와 밥은 다시 $|\Phi^+\rangle$를 나누어 가집니다(앨리스: 큐비트 0,
# 밥: 큐비트 1). 메시지 $b_1 b_0$를 보내기 위해 앨리스는 **자기 큐비트에만** 작용합니다.
#
# | 메시지 $b_1b_0$ | 앨리스가 적용하는 게이트 | 쌍의 상태 | 밥의 벨 측정 결과 |
# |---|---|---|---|
# | `00` | 없음 | $\lvert\Phi^+\rangle$ | `00` |
# | `01` | $Z$ | $\lvert\Phi^-\rangle$ | `01` |
# | `10` | $X$ | $\lvert\Psi^+\rangle$ | `10` |
# | `11` | $X$, 그다음 $Z$ | $-\lvert\Psi^-\rangle$ | `11` |
#
# 즉 $b_1$은 X(패리티)를, $b_0$는 Z(부호)를 결정합니다. 그런 다음 앨리스는 자기 큐비트 하나를 밥에게
# 보내고, 밥은 2절의 벨 측정을 해서 $b_1b_0$를 바로 읽습니다. 큐비트 하나가 비트 두 개를 날랐습니다.
# 미리 공유한 얽힘이 없다면 불가능한 일입니다(그 경우 홀레보 한계(Holevo bound)에 따라 큐비트 하나에
# 최대 비트 하나만 실을 수 있습니다).

# %%
sent, received = {}, {}
for message in ("00", "01", "10", "11"):
    qc = QuantumCircuit(2, 2)
    qc.h(0)  # shared pair
    qc.cx(0, 1)
    qc.barrier()
    if message[0] == "1":  # Alice encodes on qubit 0 only
        qc.x(0)
    if message[1] == "1":
        qc.z(0)
    qc.barrier()
    qc.cx(0, 1)  # Bob decodes with a Bell measurement
    qc.h(0)
    qc.measure([0, 1], [0, 1])
    sent[message] = sim.run(qc, shots=500, seed_simulator=SEED).result().get_counts()
    received[message] = SamplerV2(seed=SEED).run([qc], shots=500).result()[0].data.c.get_counts()
print(sent)
print(received == sent)
qc.draw("mpl")

# %% [markdown] lang="en"
# In the exercises you write Alice's encoder (graded by the state of the pair) and Bob's decoder
# (graded by the measured counts for every message).

# %% [markdown] lang="ko"
# 연습 문제에서는 앨리스의 부호기(쌍의 상태로 채점)와 밥의 복호기(모든 메시지에 대한 집계로
# 채점)를 작성합니다.

# %% exercise="superdense_encode"

# %% exercise="superdense_decode"

# %% [markdown] lang="en"
# ## 6. Entanglement swapping
#
# Take **two** Bell pairs: qubits 0–1 and qubits 2–3, both in $|\Phi^+\rangle$. Qubits 0 and 3
# have never interacted. Now teleport the state of qubit 1 onto qubit 3, using the pair 2–3: a Bell
# measurement on qubits 1 and 2, then X and Z corrections on qubit 3. Qubit 1 was entangled with
# qubit 0, and teleportation moves *everything* about a qubit's state, including its
# entanglement. Afterwards **qubits 0 and 3 are in $|\Phi^+\rangle$**, although they never met.
#
# This is how a quantum repeater stretches entanglement over long distances: create short pairs
# A–B and B–C, swap at B, and A–C are entangled. The corrections follow the teleportation rule,
# with qubit 1 in the role of Alice's input and qubit 2 in the role of her half of the pair: X on
# qubit 3 if qubit 2 measured 1, Z on qubit 3 if qubit 1 measured 1.

# %% [markdown] lang="ko"
# ## 6. 얽힘 교환
#
# 벨 쌍 **두 개**를 준비합니다. 큐비트 0–1과 큐비트 2–3이 모두 $|\Phi^+\rangle$ 상태입니다.
# 큐비트 0과 3은 한 번도 상호작용한 적이 없습니다. 이제 쌍 2–3을 이용해 큐비트 1의 상태를 큐비트 3으로
# 순간이동시킵니다. 큐비트 1과 2에 벨 측정을 하고, 큐비트 3에 X와 Z 보정을 합니다. 큐비트 1은
# 큐비트 0과 얽혀 있었고, 순간이동은 큐비트 상태의 *모든 것*을, 얽힘까지 포함해 옮깁니다. 그 결과
# 한 번도 만난 적 없는 **큐비트 0과 3이 $|\Phi^+\rangle$ 상태**가 됩니다.
#
# 양자 중계기는 이런 방식으로 얽힘을 먼 거리까지 늘립니다. 짧은 쌍 A–B와 B–C를 만들고 B에서 교환하면
# A–C가 얽힙니다. 보정은 순간이동 규칙을 그대로 따릅니다. 큐비트 1이 앨리스의 입력 역할을, 큐비트 2가
# 앨리스 쪽 쌍의 역할을 하므로, 큐비트 2의 측정값이 1이면 큐비트 3에 X, 큐비트 1의 측정값이 1이면
# 큐비트 3에 Z를 적용합니다.

# %%
swap_demo = QuantumCircuit(4, 4)
swap_demo.h(0)
swap_demo.cx(0, 1)
swap_demo.h(2)
swap_demo.cx(2, 3)
swap_demo.barrier()
swap_demo.cx(1, 2)  # Bell measurement on qubits 1 and 2
swap_demo.h(1)
swap_demo.measure(1, 1)
swap_demo.measure(2, 2)
with swap_demo.if_test((swap_demo.clbits[2], 1)):
    swap_demo.x(3)
with swap_demo.if_test((swap_demo.clbits[1], 1)):
    swap_demo.z(3)
swap_demo.measure(0, 0)  # finally measure the two outer qubits
swap_demo.measure(3, 3)
swap_counts = sim.run(swap_demo, shots=2000, seed_simulator=SEED).result().get_counts()
outer = marginal_counts(swap_counts, indices=[0, 3])  # keys are 'c3c0'
print(outer)
swap_bits = SamplerV2(seed=SEED).run([swap_demo], shots=2000).result()[0].data.c
print(swap_bits.slice_bits([0, 3]).get_counts() == outer)
swap_demo.draw("mpl", fold=-1)

# %% [markdown] lang="en"
# Qubits 0 and 3 always agree (`00` or `11`, half and half), just like a Bell pair. Agreement in the
# computational basis alone could also be a classical correlation; in the exercise the grader
# checks the full two-qubit state of qubits 0 and 3, which must be exactly $|\Phi^+\rangle$.

# %% [markdown] lang="ko"
# 큐비트 0과 3은 벨 쌍처럼 항상 같은 값(`00` 또는 `11`, 반반)을 냅니다. 계산 기저에서 값이 일치하는
# 것만으로는 고전적인 상관관계일 수도 있습니다. 그래서 연습 문제에서 채점기는 큐비트 0과 3의 2-큐비트
# 상태 전체를 확인하며, 그 상태가 정확히 $|\Phi^+\rangle$여야 합니다.

# %% exercise="entanglement_swap"

# %% [markdown] lang="en"
# ## Summary
#
# - `measure` can sit in the middle of a circuit; `with qc.if_test((clbit, 1)):` applies gates
#   only when a classical bit is 1 (classical feed-forward).
# - **Bell measurement** = CNOT 0→1, H on 0, measure: qubit 0 gives the sign bit, qubit 1 the
#   parity bit.
# - **Teleportation**: Bell pair on 1–2; Bell measurement on 0–1 giving $m_0, m_1$; Bob applies
#   X if $m_1 = 1$ and Z if $m_0 = 1$. Two classical bits + one Bell pair move one qubit; with
#   deferred measurement the corrections become CNOT 1→2 and CZ 0–2.
# - **Superdense coding**: Alice applies X if $b_1 = 1$ and Z if $b_0 = 1$ to her half of
#   $|\Phi^+\rangle$; Bob's Bell measurement reads $b_1b_0$. One qubit + one Bell pair move two bits.
# - **Entanglement swapping**: a Bell measurement on the inner qubits of two pairs, plus
#   corrections, entangles the outer qubits.

# %% [markdown] lang="ko"
# ## 정리
#
# - `measure`는 회로 중간에 올 수 있습니다. `with qc.if_test((clbit, 1)):`은 고전 비트가 1일 때에만
#   게이트를 적용합니다(고전 피드포워드).
# - **벨 측정** = CNOT 0→1, 큐비트 0에 H, 측정. 큐비트 0은 부호 비트를, 큐비트 1은 패리티 비트를
#   줍니다.
# - **순간이동**: 큐비트 1–2에 벨 쌍, 큐비트 0–1에 벨 측정을 하여 $m_0, m_1$을 얻고, 밥은
#   $m_1 = 1$이면 X, $m_0 = 1$이면 Z를 적용합니다. 고전 비트 두 개와 벨 쌍 하나로 큐비트 하나를
#   옮깁니다. 측정을 지연하면 보정은 CNOT 1→2와 CZ 0–2가 됩니다.
# - **초고밀도 부호화**: 앨리스는 $|\Phi^+\rangle$의 자기 쪽 큐비트에 $b_1 = 1$이면 X, $b_0 = 1$이면
#   Z를 적용하고, 밥은 벨 측정으로 $b_1b_0$를 읽습니다. 큐비트 하나와 벨 쌍 하나로 비트 두 개를
#   옮깁니다.
# - **얽힘 교환**: 두 쌍의 안쪽 큐비트들에 벨 측정을 하고 보정하면 바깥쪽 큐비트들이 얽힙니다.
