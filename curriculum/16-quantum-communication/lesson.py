# %% [markdown] lang="en"
# # Quantum communication and security
#
# Quantum mechanics changes cryptography twice. It gives new tools: measurement outcomes that are
# random by the laws of physics, and keys whose eavesdroppers are caught because measuring a
# quantum state disturbs it. And it takes old tools away: Shor's algorithm (module 9) breaks the
# public-key cryptography that protects today's internet. In this module you will
#
# - build **quantum random number generators** (QRNG), uniform and biased, and clean up biased
#   bits with the **von Neumann extractor**;
# - run **BB84**, the first quantum key distribution (QKD) protocol, with and without an
#   **intercept-resend eavesdropper**, and see the **25% error rate** she cannot avoid;
# - play the **CHSH game**, where players sharing a Bell pair win with probability
#   $\cos^2(\pi/8) \approx 0.854$ while no classical strategy beats $3/4$;
# - see exactly what Shor's algorithm breaks, and what **post-quantum cryptography** does about it.
#
# It builds on module 4 (mid-circuit measurement, Bell pairs, the names Alice and Bob).

# %% [markdown] lang="ko"
# # 양자 통신과 보안
#
# 양자역학은 암호를 두 번 바꿉니다. 먼저 새 도구를 줍니다. 물리 법칙 때문에 무작위인 측정 결과, 그리고
# 양자 상태를 측정하면 상태가 흐트러지므로 도청자가 들키는 키가 그것입니다. 다음으로 옛 도구를 빼앗아
# 갑니다. 쇼어 알고리즘(모듈 9)은 오늘날 인터넷을 지키는 공개 키 암호를 깨뜨립니다. 이 모듈에서는
# 다음을 합니다.
#
# - 균일한 **양자 난수 생성기**(quantum random number generator, QRNG)와 치우친 양자 난수 생성기를
#   만들고, 치우친 비트를 **폰 노이만 추출기**(von Neumann extractor)로 바로잡습니다.
# - 첫 번째 양자 키 분배(quantum key distribution, QKD) 프로토콜인 **BB84**를 **가로채기-재전송
#   도청자**(intercept-resend eavesdropper)가 있을 때와 없을 때 실행하고, 도청자가 피할 수 없는
#   **25% 오류율**을 확인합니다.
# - **CHSH 게임**을 합니다. 벨 쌍을 나눠 가진 참가자는 $\cos^2(\pi/8) \approx 0.854$의 확률로
#   이기지만, 어떤 고전 전략도 $3/4$을 넘지 못합니다.
# - 쇼어 알고리즘이 정확히 무엇을 깨는지, 그리고 **양자내성암호**(post-quantum cryptography)가 그에
#   어떻게 대응하는지 봅니다.
#
# 모듈 4의 내용(회로 중간 측정, 벨 쌍, 앨리스와 밥이라는 이름)을 바탕으로 합니다.

# %%
from math import gcd

from qiskit.visualization import plot_histogram
from qiskit_aer import AerSimulator

sim = AerSimulator()
SEED = 2026  # every simulation in this lesson is seeded, so you see the same numbers we do

# %% [markdown] lang="en"
# ## 1. Quantum random numbers
#
# Put a qubit in $|+\rangle = H|0\rangle$ and measure it: by the Born rule the outcome is 0 or 1
# with probability $1/2$ each, and no hidden variable of the device decides it in advance (the
# CHSH game of section 4 is the experimental evidence). $n$ qubits in $|+\rangle^{\otimes n}$ give
# a uniformly random $n$-bit number, each of the $2^n$ outcomes with probability $2^{-n}$.
#
# One honest warning: **a simulator is not a QRNG**. Aer draws its outcomes from a classical
# pseudo-random generator, and we even seed it so that you see our numbers. Commercial QRNGs
# measure real photons or vacuum noise; the circuit below is the model they implement.

# %% [markdown] lang="ko"
# ## 1. 양자 난수
#
# 큐비트를 $|+\rangle = H|0\rangle$로 만들어 측정하면, 보른 규칙(Born rule)에 따라 결과는 각각
# $1/2$의 확률로 0 또는 1이며, 장치 안의 어떤 숨은 변수도 결과를 미리 정하지 않습니다(4절의 CHSH
# 게임이 그 실험적 증거입니다). $|+\rangle^{\otimes n}$ 상태의 큐비트 $n$개는 균일하게 무작위인
# $n$비트 수를 줍니다. $2^n$가지 결과가 각각 $2^{-n}$의 확률로 나옵니다.
#
# 솔직하게 짚어 둘 점이 하나 있습니다. **시뮬레이터는 양자 난수 생성기가 아닙니다.** Aer는 고전
# 의사 난수 생성기(pseudo-random generator)로 결과를 뽑으며, 여러분이 우리와 같은 숫자를 보도록
# 시드까지 고정했습니다. 상용 양자 난수 생성기는 실제 광자나 진공 잡음을 측정합니다. 아래 회로는
# 그런 장치가 구현하는 모형입니다.

# %%
coin = QuantumCircuit(3, 3)
coin.h(range(3))
coin.measure(range(3), range(3))
counts = sim.run(coin, shots=4000, seed_simulator=SEED).result().get_counts()
print(sorted(counts.items()))
plot_histogram(counts)

# %% [markdown] lang="en"
# Each of the eight 3-bit outcomes appears close to $4000/8 = 500$ times; the deviations are
# the ordinary sampling noise of about $\sqrt{500} \approx 22$. The test cells of this course
# judge such counts with a chi-square goodness-of-fit test rather than by eye.

# %% [markdown] lang="ko"
# 3비트 결과 여덟 가지가 저마다 $4000/8 = 500$번 가까이 나옵니다. 차이는 약
# $\sqrt{500} \approx 22$ 정도의 평범한 표본 잡음입니다. 이 과정의 테스트 셀은 이런 집계를
# 눈대중이 아니라 카이제곱 적합도 검정(chi-square goodness-of-fit test)으로 판정합니다.

# %% exercise="qrng_uniform"

# %% [markdown] lang="en"
# ### Biased bits and how to remove the bias
#
# A rotation $R_Y(\theta)$ instead of H gives $R_Y(\theta)|0\rangle =
# \cos\frac{\theta}{2}|0\rangle + \sin\frac{\theta}{2}|1\rangle$, so
# $P(1) = \sin^2\frac{\theta}{2}$: any bias $p$ is reachable with $\theta = 2\arcsin\sqrt{p}$.
# Biased quantum coins are useful (sampling from a given distribution), and real devices are
# biased whether we want it or not: a detector that is slightly more efficient for one outcome
# produces $P(1) = 0.52$ instead of $0.5$.
#
# **Von Neumann's extractor** turns independent bits with an unknown bias into perfectly unbiased
# ones. Read the raw bits in non-overlapping pairs $(b_0b_1), (b_2b_3), \dots$; output 0 for the
# pair $01$, 1 for the pair $10$, and nothing for $00$ and $11$. Both kept pairs have probability
# $p(1-p)$, so the output bit is fair whatever $p$ is. The price: on average only $2p(1-p)$ output
# bits per input pair.

# %% [markdown] lang="ko"
# ### 치우친 비트와 치우침을 없애는 방법
#
# H 대신 회전 $R_Y(\theta)$를 쓰면 $R_Y(\theta)|0\rangle =
# \cos\frac{\theta}{2}|0\rangle + \sin\frac{\theta}{2}|1\rangle$이므로
# $P(1) = \sin^2\frac{\theta}{2}$입니다. $\theta = 2\arcsin\sqrt{p}$로 두면 어떤 치우침 $p$도 만들 수
# 있습니다. 치우친 양자 동전은 쓸모가 있고(주어진 분포에서 표본 추출), 실제 장치는 원하든 원하지 않든
# 치우쳐 있습니다. 한쪽 결과에 조금 더 민감한 검출기는 $0.5$ 대신 $P(1) = 0.52$를 냅니다.
#
# **폰 노이만 추출기**는 치우침을 모르는 독립적인 비트들을 완전히 치우침 없는 비트로 바꿉니다. 원시
# 비트를 겹치지 않는 쌍 $(b_0b_1), (b_2b_3), \dots$으로 읽어서, 쌍이 $01$이면 0을, $10$이면 1을
# 내보내고, $00$과 $11$이면 아무것도 내보내지 않습니다. 남기는 두 쌍의 확률이 모두 $p(1-p)$이므로,
# $p$가 얼마이든 출력 비트는 공정합니다. 대가는 입력 쌍 하나당 평균 $2p(1-p)$개의 출력 비트뿐이라는
# 것입니다.

# %%
p_one = 0.8
biased = QuantumCircuit(1, 1)
biased.ry(2 * np.arcsin(np.sqrt(p_one)), 0)
biased.measure(0, 0)
raw = sim.run(biased, shots=4000, memory=True, seed_simulator=SEED).result().get_memory()
raw_bits = [int(b) for b in raw]
print(np.mean(raw_bits))  # close to 0.8

pairs = zip(raw_bits[0::2], raw_bits[1::2], strict=True)
extracted = [first for first, second in pairs if first != second]
print(len(extracted), np.mean(extracted))  # about 2000 * 0.32 = 640 bits, mean close to 0.5

# %% exercise="biased_qrng"

# %% exercise="von_neumann_extract"

# %% [markdown] lang="en"
# ## 2. BB84: a key that reveals its eavesdropper
#
# Bennett and Brassard's protocol (1984) lets Alice and Bob agree on a secret key over a quantum
# channel plus a public (authenticated) classical channel. For every round:
#
# 1. Alice picks a random bit $a$ and a random **basis**: Z (she sends $|0\rangle$ or
#    $|1\rangle$) or X (she sends $|+\rangle$ or $|-\rangle$). In circuit terms: X if $a = 1$,
#    then H if the basis is X.
# 2. Bob picks a random basis and measures in it (H then a Z measurement for the X basis).
# 3. Over the public channel they announce the **bases**, never the bits, and keep only the rounds
#    with equal bases (**sifting**, about half of them). There Bob's bit equals Alice's.
# 4. They sacrifice a random sample of the sifted key to estimate the **quantum bit error rate**
#    (QBER), the fraction of positions where their bits differ. Below a threshold (about 11% for
#    BB84) error correction and privacy amplification turn the rest into a shorter secret key;
#    above it they abort.
#
# We simulate many rounds with one Aer call: one small circuit per round, one shot each, and
# `memory=True` to read every shot's bits.

# %% [markdown] lang="ko"
# ## 2. BB84: 도청자를 드러내는 키
#
# 베넷과 브라사르의 프로토콜(1984)은 앨리스와 밥이 양자 채널과 공개된(인증된) 고전 채널만으로 비밀
# 키를 합의하게 해 줍니다. 라운드마다 다음을 합니다.
#
# 1. 앨리스는 무작위 비트 $a$와 무작위 **기저**를 고릅니다. Z 기저이면 $|0\rangle$ 또는
#    $|1\rangle$을, X 기저이면 $|+\rangle$ 또는 $|-\rangle$을 보냅니다. 회로로 쓰면 $a = 1$일 때 X,
#    그다음 기저가 X이면 H입니다.
# 2. 밥은 무작위 기저를 골라 그 기저로 측정합니다(X 기저이면 H 다음에 Z 측정).
# 3. 공개 채널로 비트가 아니라 **기저**만 알리고, 기저가 같은 라운드만 남깁니다(**키 선별**, sifting,
#    약 절반). 그 라운드에서는 밥의 비트가 앨리스의 비트와 같습니다.
# 4. 선별된 키의 무작위 표본을 희생해 **양자 비트 오류율**(quantum bit error rate, QBER), 곧 두
#    사람의 비트가 다른 위치의 비율을 추정합니다. 문턱값(BB84에서는 약 11%)보다 낮으면 오류 정정과
#    비밀성 증폭(privacy amplification)으로 나머지를 더 짧은 비밀 키로 만들고, 높으면 중단합니다.
#
# 한 번의 Aer 호출로 여러 라운드를 시뮬레이션합니다. 라운드마다 작은 회로 하나를 한 샷씩 실행하고,
# `memory=True`로 샷마다의 비트를 읽습니다.


# %%
def bb84_round(bit, alice_basis, bob_basis, eve_basis=None):
    """One BB84 round: clbit 1 gets Bob's result; with Eve, clbit 0 gets hers."""
    qc = QuantumCircuit(1, 2)
    if bit:
        qc.x(0)
    if alice_basis:
        qc.h(0)
    if eve_basis is not None:  # intercept in Eve's basis, resend what she saw
        if eve_basis:
            qc.h(0)
        qc.measure(0, 0)
        if eve_basis:
            qc.h(0)
    if bob_basis:
        qc.h(0)
    qc.measure(0, 1)
    return qc


rounds = 400
rng = np.random.default_rng(SEED)
alice_bits = rng.integers(0, 2, rounds)
alice_bases = rng.integers(0, 2, rounds)
bob_bases = rng.integers(0, 2, rounds)
eve_bases = rng.integers(0, 2, rounds)


def bob_results(with_eve):
    circuits = [
        bb84_round(alice_bits[i], alice_bases[i], bob_bases[i], eve_bases[i] if with_eve else None)
        for i in range(rounds)
    ]
    result = sim.run(circuits, shots=1, memory=True, seed_simulator=SEED).result()
    return np.array([int(result.get_memory(i)[0][0]) for i in range(rounds)])


same_basis = alice_bases == bob_bases
for with_eve in (False, True):
    bob_bits = bob_results(with_eve)
    errors = bob_bits[same_basis] != alice_bits[same_basis]
    print(with_eve, int(same_basis.sum()), round(float(errors.mean()), 3))

# %% [markdown] lang="en"
# Without Eve, about 200 of the 400 rounds survive sifting and the QBER is exactly 0 (an ideal
# channel). With Eve it jumps to about 0.25. The first exercise prepares Alice's four states.

# %% [markdown] lang="ko"
# 도청자가 없으면 400 라운드 가운데 약 200 라운드가 선별을 통과하고 QBER은 정확히 0입니다(이상적인
# 채널). 도청자(이브)가 있으면 약 0.25로 뛰어오릅니다. 첫 번째 연습 문제에서는 앨리스의 네 상태를
# 준비합니다.

# %% exercise="bb84_encode"

# %% exercise="sifted_qber"

# %% [markdown] lang="en"
# ## 3. The intercept-resend attack and its 25%
#
# Eve sits on the quantum channel. She cannot copy Alice's qubit (no-cloning), so the simplest
# attack is to **measure it in a basis of her choice and send Bob the state she observed**. In the
# circuit above that is a mid-circuit measurement sandwiched between basis changes. Why does it
# cost her an error rate of exactly 25% on the sifted key?
#
# Look at a sifted round (Alice and Bob used the same basis):
#
# - with probability $1/2$ Eve guessed the same basis: she reads Alice's bit exactly and resends
#   the same state, so Bob's bit is right;
# - with probability $1/2$ she used the other basis: her outcome is random, and she resends a
#   state of the **wrong** basis; Bob, measuring in Alice's basis, gets a random bit, wrong with
#   probability $1/2$.
#
# So $\text{QBER} = \tfrac12 \cdot 0 + \tfrac12 \cdot \tfrac12 = \tfrac14$. If she attacks only a
# fraction of the rounds, the QBER shrinks in proportion, and so does what she learns: she
# cannot gain information without leaving a trace. This is the heart of QKD's security.

# %% [markdown] lang="ko"
# ## 3. 가로채기-재전송 공격과 25%
#
# 이브는 양자 채널 위에 있습니다. 복제 불가 정리(no-cloning theorem) 때문에 앨리스의 큐비트를 복사할
# 수 없으니, 가장 단순한 공격은 **자기가 고른 기저로 측정한 뒤, 관측한 상태를 밥에게 보내는 것**
# 입니다. 위의 회로에서는 기저 변환 사이에 끼운 회로 중간 측정이 바로 그것입니다. 이 공격은 왜
# 선별된 키에 정확히 25%의 오류율을 남길까요?
#
# 선별된 라운드(앨리스와 밥의 기저가 같은 라운드)를 봅시다.
#
# - 확률 $1/2$로 이브가 같은 기저를 골랐다면, 앨리스의 비트를 정확히 읽고 같은 상태를 다시
#   보내므로 밥의 비트는 맞습니다.
# - 확률 $1/2$로 다른 기저를 골랐다면, 이브의 결과는 무작위이고 이브는 **틀린** 기저의 상태를 다시
#   보냅니다. 앨리스의 기저로 측정하는 밥은 무작위 비트를 얻으므로 확률 $1/2$로 틀립니다.
#
# 따라서 $\text{QBER} = \tfrac12 \cdot 0 + \tfrac12 \cdot \tfrac12 = \tfrac14$입니다. 이브가 라운드의
# 일부만 공격하면 QBER도 그 비율만큼 줄어들고, 이브가 알아내는 정보도 그만큼 줄어듭니다. 흔적을
# 남기지 않고는 정보를 얻을 수 없다는 것, 이것이 양자 키 분배 보안의 핵심입니다.

# %%
eve_sees = {}
for eve_basis in (0, 1):  # Alice sends |+> (bit 0, X basis), Bob measures in X
    round_circuit = bb84_round(0, 1, 1, eve_basis)
    eve_sees[eve_basis] = (
        sim.run(round_circuit, shots=2000, seed_simulator=SEED).result().get_counts()
    )
# keys: Bob's bit, then Eve's; with eve_basis=1 Bob is always right, with 0 half the time
print(eve_sees)

# %% exercise="intercept_resend"

# %% exercise="intercept_resend_qber"

# %% [markdown] lang="en"
# ## 4. The CHSH game: entanglement you can test
#
# A referee sends Alice a random bit $x$ and Bob a random bit $y$. Without talking to each other,
# Alice answers a bit $a$ and Bob a bit $b$. They **win** when
#
# $$a \oplus b = x \wedge y,$$
#
# that is: equal answers unless both questions are 1, and different answers when both are 1.
#
# **Classically** the best they can do is $3/4$: any shared randomness is a mixture of
# deterministic strategies $a = f(x)$, $b = g(y)$, and each of the 16 of those loses at least one
# of the four question pairs (the four conditions add up to $0 = 1$ modulo 2). Always answering 0
# wins 3 of 4.
#
# **With a shared Bell pair** $|\Phi^+\rangle$ they do better. Each measures along a direction in
# the X–Z plane: to measure along the angle $\theta$ (from Z towards X) apply $R_Y(-\theta)$, then
# measure. For $|\Phi^+\rangle$ the two outcomes agree with probability
# $\cos^2\frac{\theta_A - \theta_B}{2}$. Alice uses $\theta_A = 0$ for $x = 0$ and $\pi/2$ for
# $x = 1$; Bob uses $\theta_B = \pi/4$ for $y = 0$ and $-\pi/4$ for $y = 1$. For three question
# pairs their angles differ by $\pi/4$ (they want agreement), for $x = y = 1$ by $3\pi/4$ (they
# want disagreement); every case wins with probability $\cos^2(\pi/8) \approx 0.854$. That is
# Tsirelson's bound: no quantum strategy does better.
#
# Why it matters for security: winning above $3/4$ **certifies** entanglement, whatever the
# devices are made of. Device-independent QKD (Ekert's E91 protocol and its descendants) builds
# keys from Bell pairs and uses the CHSH score to check that nobody, not even the manufacturer,
# holds a copy.

# %% [markdown] lang="ko"
# ## 4. CHSH 게임: 시험해 볼 수 있는 얽힘
#
# 심판이 앨리스에게 무작위 비트 $x$를, 밥에게 무작위 비트 $y$를 보냅니다. 서로 대화하지 않고
# 앨리스는 비트 $a$를, 밥은 비트 $b$를 답합니다. 다음이 성립하면 둘이 **이깁니다**.
#
# $$a \oplus b = x \wedge y$$
#
# 곧, 두 질문이 모두 1인 경우가 아니면 같은 답을, 모두 1이면 다른 답을 해야 합니다.
#
# **고전적으로는** $3/4$이 최선입니다. 공유한 무작위성은 결정론적 전략 $a = f(x)$, $b = g(y)$들의
# 혼합이며, 그런 전략 16가지는 모두 네 질문 쌍 가운데 적어도 하나에서 집니다(네 조건을 모두 더하면
# 2를 법으로 $0 = 1$이 됩니다). 언제나 0이라고 답하면 4번 중 3번 이깁니다.
#
# **벨 쌍** $|\Phi^+\rangle$를 나눠 가지면 더 잘할 수 있습니다. 두 사람은 각자 X–Z 평면의 한 방향을
# 따라 측정합니다. 각도 $\theta$(Z에서 X 쪽으로 잰 각) 방향으로 측정하려면 $R_Y(-\theta)$를 적용한
# 뒤 측정합니다. $|\Phi^+\rangle$에서는 두 결과가 $\cos^2\frac{\theta_A - \theta_B}{2}$의 확률로
# 일치합니다. 앨리스는 $x = 0$이면 $\theta_A = 0$, $x = 1$이면 $\pi/2$를 쓰고, 밥은 $y = 0$이면
# $\theta_B = \pi/4$, $y = 1$이면 $-\pi/4$를 씁니다. 세 질문 쌍에서는 두 각도가 $\pi/4$만큼
# 다르고(일치를 원함), $x = y = 1$에서는 $3\pi/4$만큼 다릅니다(불일치를 원함). 모든 경우에
# $\cos^2(\pi/8) \approx 0.854$의 확률로 이깁니다. 이것이 치렐슨 한계(Tsirelson's bound)이며, 어떤
# 양자 전략도 이보다 나을 수 없습니다.
#
# 보안에서 이것이 중요한 이유는, $3/4$을 넘는 승률이 장치가 무엇으로 만들어졌든 얽힘을 **증명**하기
# 때문입니다. 장치 독립 양자 키 분배(에커트의 E91 프로토콜과 그 후속 프로토콜)는 벨 쌍으로 키를
# 만들고, CHSH 점수로 아무도(제조사조차) 복사본을 갖고 있지 않음을 확인합니다.

# %%
classical_best = max(
    np.mean([(f[x] ^ g[y]) == (x & y) for x in (0, 1) for y in (0, 1)])
    for f in ((0, 0), (0, 1), (1, 0), (1, 1))
    for g in ((0, 0), (0, 1), (1, 0), (1, 1))
)
print(classical_best)  # 0.75 over all 16 deterministic strategies

angle_a = 0.3  # two arbitrary measurement angles: agreement probability cos^2((a - b) / 2)
angle_b = 1.1
pair = QuantumCircuit(2)
pair.h(0)
pair.cx(0, 1)
pair.ry(-angle_a, 0)
pair.ry(-angle_b, 1)
agree = sum(p for k, p in Statevector(pair).probabilities_dict().items() if k[0] == k[1])
print(agree, np.cos((angle_a - angle_b) / 2) ** 2)

# %% exercise="chsh_strategy"

# %% [markdown] lang="en"
# ## 5. What Shor's algorithm breaks, and post-quantum cryptography
#
# Public-key cryptography rests on problems that are easy one way and hard the other:
#
# | scheme | hard problem | large quantum computer |
# |---|---|---|
# | RSA | factoring $N = pq$ | **broken** by Shor (factoring) |
# | Diffie-Hellman, DSA | discrete logarithm mod $p$ | **broken** by Shor (discrete log) |
# | ECDH, ECDSA (elliptic curves) | elliptic-curve discrete log | **broken** by Shor |
# | AES-128/256 (symmetric) | key search | Grover: $2^{k}$ becomes about $2^{k/2}$ steps; AES-256 keeps a 128-bit margin |
# | SHA-256, SHA-3 (hashes) | preimages, collisions | Grover-type speed-ups only; longer outputs suffice |
#
# Shor's algorithm finds the period $r$ of $a^x \bmod N$; from it, $\gcd(a^{r/2} \pm 1, N)$ gives
# the factors (module 9). With $p$ and $q$ known, RSA's private exponent is one modular inverse
# away: $d = e^{-1} \bmod \varphi(N)$ with $\varphi(N) = (p-1)(q-1)$, and $m = c^d \bmod N$
# decrypts. The cell below plays the attacker on a toy key, with the period found classically
# where a quantum computer would run order finding.
#
# **Post-quantum cryptography** (PQC) replaces the broken schemes by classical algorithms built on
# problems for which no efficient quantum algorithm is known, mainly lattices. NIST standardised
# ML-KEM (FIPS 203, from CRYSTALS-Kyber) for key exchange and ML-DSA (FIPS 204, Dilithium) and
# SLH-DSA (FIPS 205, hash-based SPHINCS+) for signatures in 2024. PQC runs on today's computers
# and networks; QKD needs quantum hardware and links but rests on physics instead of hardness
# assumptions. The two are complementary. The urgency comes from **harvest now, decrypt later**:
# traffic recorded today can be decrypted once a large quantum computer exists.

# %% [markdown] lang="ko"
# ## 5. 쇼어 알고리즘이 깨는 것과 양자내성암호
#
# 공개 키 암호는 한쪽 방향으로는 쉽고 반대 방향으로는 어려운 문제에 기대고 있습니다.
#
# | 방식 | 어려운 문제 | 대규모 양자 컴퓨터 앞에서 |
# |---|---|---|
# | RSA | $N = pq$의 소인수분해 | 쇼어 알고리즘(소인수분해)으로 **깨짐** |
# | 디피-헬먼, DSA | $p$를 법으로 한 이산 로그 | 쇼어 알고리즘(이산 로그)으로 **깨짐** |
# | ECDH, ECDSA (타원 곡선) | 타원 곡선 이산 로그 | 쇼어 알고리즘으로 **깨짐** |
# | AES-128/256 (대칭 키) | 키 탐색 | 그로버: $2^{k}$ 단계가 약 $2^{k/2}$ 단계로 줄어듦. AES-256은 128비트 여유가 남음 |
# | SHA-256, SHA-3 (해시) | 역상, 충돌 | 그로버 형태의 속도 향상뿐이며 출력을 늘리면 충분함 |
#
# 쇼어 알고리즘은 $a^x \bmod N$의 주기 $r$를 찾고, 그로부터 $\gcd(a^{r/2} \pm 1, N)$이 인수를
# 줍니다(모듈 9). $p$와 $q$를 알면 RSA의 개인 지수는 모듈러 역원 한 번이면 구합니다.
# $\varphi(N) = (p-1)(q-1)$일 때 $d = e^{-1} \bmod \varphi(N)$이고, $m = c^d \bmod N$으로 복호화합니다.
# 아래 셀은 장난감 키에 대해 공격자 역할을 합니다. 양자 컴퓨터라면 위수 찾기를 실행할 자리에서 주기를
# 고전적으로 구했습니다.
#
# **양자내성암호**(post-quantum cryptography, PQC)는 깨진 방식들을, 효율적인 양자 알고리즘이 알려지지
# 않은 문제(주로 격자 문제)에 기반한 고전 알고리즘으로 바꿉니다. NIST는 2024년에 키 교환용 ML-KEM
# (FIPS 203, CRYSTALS-Kyber에서 유래)과 서명용 ML-DSA(FIPS 204, Dilithium), SLH-DSA(FIPS 205, 해시
# 기반 SPHINCS+)를 표준으로 정했습니다. 양자내성암호는 오늘날의 컴퓨터와 네트워크에서 돌아가고,
# 양자 키 분배는 양자 하드웨어와 양자 링크가 필요하지만 계산의 어려움에 대한 가정 대신 물리 법칙에
# 기댑니다. 둘은 서로 보완합니다. 시급한 이유는 **지금 수집하고 나중에 해독하기**(harvest now,
# decrypt later) 때문입니다. 오늘 기록된 통신은 대규모 양자 컴퓨터가 생기는 날 해독될 수 있습니다.

# %%
N, e = 3233, 17  # a toy RSA public key
ciphertext = pow(1234, e, N)  # someone encrypted the message 1234

a = 3  # the attacker: the period of a^x mod N (what Shor's order finding computes)
r = next(x for x in range(1, N) if pow(a, x, N) == 1)
p = gcd(pow(a, r // 2, N) - 1, N)
q = N // p
d = pow(e, -1, (p - 1) * (q - 1))
print(r, p, q, d, pow(ciphertext, d, N))  # the factors, the private key and the message

# %% exercise="rsa_private_key"

# %% exercise="shor_breaks"

# %% [markdown] lang="en"
# ## Summary
#
# - **QRNG**: H and measure gives fair bits; $R_Y(2\arcsin\sqrt{p})$ gives $P(1) = p$. The von
#   Neumann extractor (pairs $01 \to 0$, $10 \to 1$, discard $00$, $11$) removes an unknown bias.
# - **BB84**: random bits in random bases (Z or X); Bob measures in random bases; sifting keeps
#   equal bases; the QBER on a sample reveals eavesdropping.
# - **Intercept-resend**: Eve's wrong basis (probability $1/2$) makes Bob's sifted bit wrong with
#   probability $1/2$: QBER $= 1/4$, or $f/4$ if she attacks a fraction $f$ of the rounds.
# - **CHSH**: classical strategies win at most $3/4$; a Bell pair with angles $0, \pi/2$ (Alice)
#   and $\pm\pi/4$ (Bob) wins $\cos^2(\pi/8) \approx 0.854$, the quantum maximum, and certifies
#   entanglement.
# - **Shor** breaks RSA, Diffie-Hellman and elliptic-curve cryptography; Grover only halves the
#   security exponent of symmetric keys and hashes. **PQC** (ML-KEM, ML-DSA, SLH-DSA) replaces
#   the broken public-key schemes on classical hardware.

# %% [markdown] lang="ko"
# ## 정리
#
# - **양자 난수**: H 후 측정하면 공정한 비트가, $R_Y(2\arcsin\sqrt{p})$를 쓰면 $P(1) = p$가 나옵니다.
#   폰 노이만 추출기(쌍 $01 \to 0$, $10 \to 1$, $00$과 $11$은 버림)는 알 수 없는 치우침을 없앱니다.
# - **BB84**: 무작위 기저(Z 또는 X)로 무작위 비트를 보내고, 밥은 무작위 기저로 측정합니다. 키
#   선별로 기저가 같은 라운드만 남기며, 표본의 QBER이 도청을 드러냅니다.
# - **가로채기-재전송**: 이브가 틀린 기저를 고르면(확률 $1/2$) 밥의 선별된 비트가 확률 $1/2$로
#   틀립니다. QBER $= 1/4$이고, 라운드의 일부 $f$만 공격하면 $f/4$입니다.
# - **CHSH**: 고전 전략은 많아야 $3/4$을 이깁니다. 앨리스의 각도 $0, \pi/2$와 밥의 각도 $\pm\pi/4$로
#   벨 쌍을 쓰면 양자 최댓값인 $\cos^2(\pi/8) \approx 0.854$로 이기며, 이것이 얽힘을 증명합니다.
# - **쇼어 알고리즘**은 RSA, 디피-헬먼, 타원 곡선 암호를 깹니다. 그로버 알고리즘은 대칭 키와 해시의
#   보안 지수를 절반으로 줄일 뿐입니다. **양자내성암호**(ML-KEM, ML-DSA, SLH-DSA)는 고전 하드웨어에서
#   깨진 공개 키 방식을 대신합니다.
