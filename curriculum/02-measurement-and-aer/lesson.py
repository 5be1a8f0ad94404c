# %% [markdown] lang="en"
# # Measurement and the Aer simulator
#
# In module 1 we looked *inside* the computer: `Statevector` gave us the exact amplitudes. A real
# quantum computer never shows them. All it returns is the result of **measurements**: a 0 or a 1
# per qubit per run, at random, with the probabilities of the Born rule. To learn anything we repeat
# the experiment many times and count.
#
# In this module you will
#
# - add measurements to a circuit and run it on **Aer**, Qiskit's high-performance simulator,
#   which behaves like a (noise-free) device: it samples outcomes, *shot* by *shot*;
# - run the same circuit with the **Sampler** primitive, the interface IBM hardware accepts;
# - read **counts** and **histograms**, including the bit order of several qubits;
# - estimate probabilities from counts and put an error bar on them (**sampling error**);
# - make random simulations reproducible with **seeds**;
# - measure in the $X$ and $Y$ bases, not only in the standard $Z$ basis;
# - prepare a "biased coin" and check it both exactly and statistically.

# %% [markdown] lang="ko"
# # 측정과 Aer 시뮬레이터
#
# 모듈 1에서는 컴퓨터의 *속*을 들여다보았습니다. `Statevector`가 정확한 진폭을 알려 주었지요. 실제 양자
# 컴퓨터는 진폭을 결코 보여 주지 않습니다. 돌려주는 것은 **측정**(measurement) 결과뿐입니다. 한 번
# 실행할 때마다 큐비트마다 0 또는 1이 보른 규칙의 확률에 따라 무작위로 나옵니다. 무언가를 알아내려면
# 실험을 여러 번 반복하고 결과를 세어야 합니다.
#
# 이 모듈에서는 다음을 배웁니다.
#
# - 회로에 측정을 추가하고, Qiskit의 고성능 시뮬레이터 **Aer**에서 실행합니다. Aer는 (잡음 없는)
#   실제 장치처럼 한 번의 실행, 즉 **샷**(shot)마다 결과를 표본 추출합니다.
# - 같은 회로를 IBM 하드웨어가 받는 인터페이스인 **Sampler** 프리미티브로 실행합니다.
# - 여러 큐비트의 비트 순서를 포함해 **집계**(counts)와 **히스토그램**(histogram)을 읽습니다.
# - 집계로부터 확률을 추정하고 오차 막대를 붙입니다(**표본 오차**, sampling error).
# - **시드**(seed)로 무작위 시뮬레이션을 재현 가능하게 만듭니다.
# - 표준 $Z$ 기저뿐 아니라 $X$ 기저와 $Y$ 기저에서도 측정합니다.
# - "편향된 동전" 상태를 준비하고, 정확한 계산과 통계적 방법으로 모두 확인합니다.

# %% [markdown] lang="en"
# ## 1. What a measurement does
#
# Measuring $|\psi\rangle = \alpha|0\rangle + \beta|1\rangle$ in the standard (computational, or
# $Z$) basis gives
#
# - the outcome 0 with probability $|\alpha|^2$, after which the qubit **is** $|0\rangle$;
# - the outcome 1 with probability $|\beta|^2$, after which the qubit **is** $|1\rangle$.
#
# The superposition is gone: measuring again gives the same outcome. This **collapse** is why one
# run tells us so little: a single outcome 0 is compatible with every state that has $\alpha \ne 0$.
#
# In a circuit, a measurement copies the outcome of a qubit into a **classical bit**.
# `QuantumCircuit(1, 1)` has one qubit and one classical bit, and `qc.measure(0, 0)` measures
# qubit 0 into classical bit 0. The meter symbol in the drawing is the measurement.

# %% [markdown] lang="ko"
# ## 1. 측정은 무엇을 하는가
#
# $|\psi\rangle = \alpha|0\rangle + \beta|1\rangle$을 표준 기저(계산 기저 또는 $Z$ 기저)에서 측정하면
#
# - 확률 $|\alpha|^2$로 결과 0을 얻고, 그 뒤 큐비트는 $|0\rangle$이 **됩니다**.
# - 확률 $|\beta|^2$로 결과 1을 얻고, 그 뒤 큐비트는 $|1\rangle$이 **됩니다**.
#
# 중첩은 사라지므로 다시 측정하면 같은 결과가 나옵니다. 이 **붕괴**(collapse) 때문에 한 번의 실행으로는
# 알 수 있는 것이 매우 적습니다. 결과 0이 한 번 나왔다는 사실은 $\alpha \ne 0$인 모든 상태와 들어맞습니다.
#
# 회로에서 측정은 큐비트의 결과를 **고전 비트**(classical bit)에 복사합니다. `QuantumCircuit(1, 1)`은
# 큐비트 하나와 고전 비트 하나를 가지며, `qc.measure(0, 0)`은 큐비트 0을 측정해 고전 비트 0에
# 기록합니다. 회로도의 계기판 기호가 측정입니다.

# %%
import matplotlib.pyplot as plt
from qiskit.visualization import plot_bloch_multivector, plot_histogram
from qiskit_aer import AerSimulator

coin = QuantumCircuit(1, 1)
coin.h(0)
coin.measure(0, 0)
coin.draw("mpl")

# %% [markdown] lang="en"
# ## 2. Running a circuit on Aer: shots and counts
#
# `AerSimulator().run(circuit, shots=N)` runs the circuit $N$ times. Each run is a **shot**: the
# simulator samples one outcome per measurement, exactly as a device would. The result's
# `get_counts()` is a dictionary from outcome to how often it occurred. `seed_simulator=...` fixes
# the simulator's random numbers so that the cell gives the same counts every time you run it
# (section 5 explains seeds).

# %% [markdown] lang="ko"
# ## 2. Aer에서 회로 실행하기: 샷과 집계
#
# `AerSimulator().run(circuit, shots=N)`은 회로를 $N$번 실행합니다. 한 번의 실행이 **샷**입니다.
# 시뮬레이터는 실제 장치와 똑같이 측정마다 결과 하나를 표본 추출합니다. 결과의 `get_counts()`는 각
# 결과가 몇 번 나왔는지를 담은 딕셔너리입니다. `seed_simulator=...`는 시뮬레이터의 난수를 고정하여,
# 셀을 몇 번 실행하든 같은 집계가 나오게 합니다(시드는 5절에서 설명합니다).

# %%
simulator = AerSimulator()
result = simulator.run(coin, shots=1000, seed_simulator=42).result()
counts = result.get_counts()
print(counts)
plot_histogram(counts)

# %% [markdown] lang="en"
# Not exactly 500/500: that is sampling, and section 4 tells how far from 500 we should expect to be.
#
# Two practical details:
#
# - An outcome that never occurred is **missing** from the dictionary (it is not stored as 0). Read
#   counts with `counts.get("1", 0)`, not `counts["1"]`, which raises `KeyError` when there is no 1.
# - With `memory=True` the result also keeps every single shot, in order: `result.get_memory()` is a
#   list of strings such as `['1', '0', '0', ...]`.

# %% [markdown] lang="ko"
# 정확히 500 대 500이 아닌 것은 표본 추출 때문이며, 500에서 얼마나 벗어나는 것이 정상인지는 4절에서
# 다룹니다.
#
# 실용적인 세부 사항 두 가지가 있습니다.
#
# - 한 번도 나오지 않은 결과는 딕셔너리에 **없습니다**(0으로 저장되지 않습니다). `counts["1"]`은 1이
#   한 번도 나오지 않았을 때 `KeyError`를 일으키므로, `counts.get("1", 0)`으로 읽으세요.
# - `memory=True`로 실행하면 결과에 모든 샷이 순서대로 남습니다. `result.get_memory()`는
#   `['1', '0', '0', ...]` 같은 문자열 리스트입니다.

# %%
zero_only = QuantumCircuit(1, 1)
zero_only.measure(0, 0)
zero_counts = simulator.run(zero_only, shots=100, seed_simulator=1).result().get_counts()
print(zero_counts, zero_counts.get("1", 0))

ten_shots = simulator.run(coin, shots=10, memory=True, seed_simulator=7).result()
print(ten_shots.get_memory())
print(ten_shots.get_counts())

# %% exercise="coin_flip_counts"

# %% [markdown] lang="en"
# ### The same run with the Sampler primitive
#
# `simulator.run(...)` is how these lessons run circuits on Aer, but IBM's quantum computers do
# not accept it. A device takes work only through a **primitive**: the **Sampler**, which returns
# measured bits, or the **Estimator**, which returns expectation values. It also accepts only **ISA
# circuits** (Instruction Set Architecture): circuits already written in the device's own gates, on
# qubits that are connected; `transpile` makes them (module 12). So from module 3 on, the lessons
# show the Sampler next to `run`. Aer has its own Sampler, `qiskit_aer.primitives.SamplerV2`, which
# runs offline and is used exactly like the one for IBM devices:
#
# - `SamplerV2(seed=s)` seeds the sampling, like `seed_simulator=s`;
# - `sampler.run(pubs, shots=N)` takes a list of **PUBs** (primitive unified blocs). A PUB is a
#   tuple `(circuit, parameter_values, shots)` of which only the circuit is required, so a circuit
#   on its own is a PUB too;
# - `job.result()` holds one result per PUB. Its `data` has one field per classical register,
#   named like the register (`c` for `QuantumCircuit(1, 1)`, `meas` after `measure_all()`), and that
#   field, a `BitArray`, gives `get_counts()`, and `get_bitstrings()` for every shot in order (what
#   `memory=True` gives with `run`).
#
# With the same seed, Aer's Sampler draws exactly the shots that `run` draws: below, the counts of
# section 2 come back, and so do the ten shots with `memory=True`.

# %% [markdown] lang="ko"
# ### 같은 실행을 Sampler 프리미티브로
#
# 이 레슨들은 `simulator.run(...)`으로 Aer에서 회로를 실행하지만, IBM의 양자 컴퓨터는 이 방식을 받지
# 않습니다. 장치는 **프리미티브**(primitive)를 통해서만 작업을 받습니다. 측정된 비트를 돌려주는
# **Sampler**와 기댓값을 돌려주는 **Estimator**입니다. 또 장치는 **ISA 회로**(Instruction Set
# Architecture, 명령어 집합 구조)만 받습니다. 장치의 고유 게이트만으로, 서로 연결된 큐비트 위에 이미
# 쓰인 회로입니다. ISA 회로는 `transpile`로 만듭니다(모듈 12). 그래서 모듈 3부터 레슨은 `run` 옆에
# Sampler를 함께 보여 줍니다. Aer에는 자체 Sampler인 `qiskit_aer.primitives.SamplerV2`가 있습니다.
# 오프라인으로 실행되며, IBM 장치용 Sampler와 쓰는 법이 똑같습니다.
#
# - `SamplerV2(seed=s)`는 `seed_simulator=s`처럼 표본 추출의 시드를 정합니다.
# - `sampler.run(pubs, shots=N)`은 **PUB**(primitive unified bloc)의 목록을 받습니다. PUB는 튜플
#   `(circuit, parameter_values, shots)`이고 회로만 꼭 있어야 하므로, 회로 하나만으로도 PUB입니다.
# - `job.result()`에는 PUB마다 결과가 하나씩 있습니다. 결과의 `data`에는 고전 레지스터마다 필드가
#   하나씩 있고, 필드 이름은 레지스터 이름을 따릅니다(`QuantumCircuit(1, 1)`이면 `c`,
#   `measure_all()` 뒤에는 `meas`). 그 필드는 `BitArray`이며, `get_counts()`로 집계를,
#   `get_bitstrings()`로 모든 샷을 순서대로 줍니다(`run`에서 `memory=True`로 얻는 것).
#
# 시드가 같으면 Aer의 Sampler는 `run`과 똑같은 샷을 뽑습니다. 아래에서 2절의 집계와
# `memory=True`로 얻은 열 번의 샷이 그대로 다시 나옵니다.

# %%
from qiskit_aer.primitives import SamplerV2

run_counts = simulator.run(coin, shots=1000, seed_simulator=42).result().get_counts()

sampler = SamplerV2(seed=42)
job = sampler.run([coin], shots=1000)
pub_result = job.result()[0]
sampler_counts = pub_result.data.c.get_counts()
print(run_counts)
print(sampler_counts, sampler_counts == run_counts)

run_memory = simulator.run(coin, shots=10, memory=True, seed_simulator=7).result().get_memory()
ten_bits = SamplerV2(seed=7).run([(coin, None, 10)]).result()[0].data.c
print(ten_bits.get_bitstrings(), ten_bits.get_bitstrings() == run_memory)
print(ten_bits.num_shots, ten_bits.num_bits, ten_bits.get_counts())

# %% [markdown] lang="en"
# The second run passed its shots inside the PUB, `(coin, None, 10)` (no parameters, 10 shots),
# instead of as `shots=`. On an IBM device the same steps use the Sampler of `qiskit-ibm-runtime`
# on an ISA circuit, and the result is read exactly the same way; module 13 does it offline, with
# a fake device. (From qiskit-ibm-runtime 0.50 on, its `SamplerV2` is deprecated in favour of
# `qiskit_ibm_runtime.executor_sampler.Sampler`, which takes the same PUBs and returns results of
# the same shape. Aer's `SamplerV2`, used in these lessons, is not affected.)

# %% [markdown] lang="ko"
# 두 번째 실행은 샷 수를 `shots=`로 주지 않고 PUB 안에 `(coin, None, 10)`(매개변수 없음, 샷 10번)으로
# 넣었습니다. IBM 장치에서도 단계는 같습니다. ISA 회로를 `qiskit-ibm-runtime`의 Sampler로 실행하고,
# 결과도 똑같이 읽습니다. 모듈 13에서는 가짜 장치로 이것을 오프라인으로 해 봅니다.
# (qiskit-ibm-runtime 0.50부터 그 `SamplerV2`는 사용 중단(deprecated)되었고, 같은 PUB를 받아 같은
# 모양의 결과를 돌려주는 `qiskit_ibm_runtime.executor_sampler.Sampler`가 그 자리를 잇습니다. 이
# 레슨들에서 쓰는 Aer의 `SamplerV2`는 영향을 받지 않습니다.)

# %% exercise="sampler_coin_bits"

# %% [markdown] lang="en"
# ## 3. Several qubits: the order of the bits
#
# With several qubits, each outcome is a string of bits, and Qiskit writes it **little-endian**:
# classical bit 0 is the **rightmost** character. `measure_all()` adds one classical bit per qubit
# (qubit $k$ into bit $k$) and a barrier before the measurements. Below, only qubit 0 is flipped,
# and the outcome is `'01'`, not `'10'`.

# %% [markdown] lang="ko"
# ## 3. 여러 큐비트: 비트의 순서
#
# 큐비트가 여러 개면 각 결과는 비트 문자열이 되며, Qiskit은 이를 **리틀 엔디언**(little-endian)으로
# 씁니다. 고전 비트 0이 **가장 오른쪽** 문자입니다. `measure_all()`은 큐비트마다 고전 비트를 하나씩
# 추가하고(큐비트 $k$를 비트 $k$에) 측정 앞에 배리어(barrier)를 넣습니다. 아래에서는 큐비트 0만
# 뒤집었는데, 결과는 `'10'`이 아니라 `'01'`입니다.

# %%
two = QuantumCircuit(2)
two.x(0)
two.h(1)
two.measure_all()
two_counts = simulator.run(two, shots=1000, seed_simulator=3).result().get_counts()
print(two_counts)
display(two.draw("mpl"))
plot_histogram(two_counts)

# %% [markdown] lang="en"
# Qubit 1 is in $|+\rangle$, so the left character is random; qubit 0 is $|1\rangle$, so the right
# character is always 1. Reading the string the wrong way round is the most common Qiskit mistake;
# when in doubt, flip one qubit and look.

# %% [markdown] lang="ko"
# 큐비트 1은 $|+\rangle$ 상태이므로 왼쪽 문자는 무작위이고, 큐비트 0은 $|1\rangle$ 상태이므로 오른쪽
# 문자는 항상 1입니다. 문자열을 거꾸로 읽는 것은 Qiskit에서 가장 흔한 실수입니다. 헷갈리면 큐비트
# 하나만 뒤집어 보고 확인하세요.

# %% [markdown] lang="en"
# ## 4. Sampling error: how far from the truth are the counts?
#
# Each shot of a one-qubit measurement is a biased coin toss: 1 with probability $p$, 0 otherwise.
# After $N$ shots the number of ones $n_1$ follows a **binomial distribution**, and the natural
# estimate of $p$ is the observed frequency
#
# $$\hat p = \frac{n_1}{N}, \qquad \mathbb{E}[\hat p] = p, \qquad
#   \mathrm{SE}(\hat p) = \sqrt{\frac{p(1-p)}{N}} .$$
#
# The **standard error** SE is the typical distance between $\hat p$ and $p$. About 95% of
# estimates fall within $2\,\mathrm{SE}$ of the truth, and practically all within $5\,\mathrm{SE}$.
# It shrinks like $1/\sqrt{N}$: **four times as many shots halve the error.**
#
# Let us watch this for $R_Y(2\pi/3)|0\rangle$, which has $p = \sin^2(\pi/3) = 0.75$. First, the
# histograms of 10, 100 and 10 000 shots side by side:

# %% [markdown] lang="ko"
# ## 4. 표본 오차: 집계는 참값에서 얼마나 떨어져 있을까?
#
# 큐비트 하나를 측정하는 샷 하나하나는 편향된 동전 던지기입니다. 확률 $p$로 1이, 나머지 경우에는 0이
# 나옵니다. $N$번의 샷에서 나온 1의 개수 $n_1$은 **이항 분포**(binomial distribution)를 따르며, $p$의
# 자연스러운 추정값은 관측된 빈도입니다.
#
# $$\hat p = \frac{n_1}{N}, \qquad \mathbb{E}[\hat p] = p, \qquad
#   \mathrm{SE}(\hat p) = \sqrt{\frac{p(1-p)}{N}} .$$
#
# **표준 오차**(standard error) SE는 $\hat p$와 $p$ 사이의 전형적인 거리입니다. 추정값의 약 95%는
# 참값에서 $2\,\mathrm{SE}$ 이내에, 사실상 전부는 $5\,\mathrm{SE}$ 이내에 있습니다. 표준 오차는
# $1/\sqrt{N}$에 비례해 줄어듭니다. **샷을 네 배로 늘리면 오차가 절반이 됩니다.**
#
# $p = \sin^2(\pi/3) = 0.75$인 $R_Y(2\pi/3)|0\rangle$으로 이를 관찰해 봅시다. 먼저 10번, 100번,
# 10 000번 샷의 히스토그램을 나란히 놓아 봅니다.

# %%
biased = QuantumCircuit(1, 1)
biased.ry(2 * np.pi / 3, 0)
biased.measure(0, 0)

fig, axes = plt.subplots(1, 3, figsize=(11, 3), sharey=True)
for ax, shots in zip(axes, [10, 100, 10_000], strict=True):
    c = simulator.run(biased, shots=shots, seed_simulator=5).result().get_counts()
    ax.bar(["0", "1"], [c.get("0", 0) / shots, c.get("1", 0) / shots])
    ax.scatter(["0", "1"], [0.25, 0.75], marker="_", s=1500, color="k", zorder=3)
    ax.set_title(f"N = {shots}")
axes[0].set_ylabel(r"$n/N$")
plt.show()

# %% [markdown] lang="en"
# The bars are the frequencies $n/N$ and the black lines the exact probabilities 0.25 and 0.75.
# With 10 shots the frequencies can be far off; with 10 000 they are close. Now the estimate
# $\hat p$ as the number of shots grows, with the band $p \pm 2\,\mathrm{SE}$. To save time, we run
# 10 000 shots once with `memory=True` and look at the first $N$ of them for each $N$.

# %% [markdown] lang="ko"
# 막대는 빈도 $n/N$이고, 검은 선은 정확한 확률 0.25와 0.75입니다. 샷이 10번이면 빈도가 크게 어긋날
# 수 있지만, 10 000번이면 확률에 가깝습니다. 이번에는 샷 수가
# 늘어날 때 추정값 $\hat p$가 어떻게 변하는지 $p \pm 2\,\mathrm{SE}$ 띠와 함께 그려 봅니다. 시간을
# 아끼려고 `memory=True`로 10 000번을 한 번에 실행한 뒤, 각 $N$에 대해 처음 $N$개의 샷만 봅니다.

# %%
p_true = np.sin(np.pi / 3) ** 2
memory = simulator.run(biased, shots=10_000, memory=True, seed_simulator=11).result().get_memory()
ones = np.cumsum([outcome == "1" for outcome in memory])
n = np.arange(1, len(memory) + 1)
p_hat = ones / n
se = np.sqrt(p_true * (1 - p_true) / n)

fig, ax = plt.subplots(figsize=(7, 3.5))
ax.plot(n, p_hat, lw=1, label=r"$\hat p = n_1/N$")
ax.fill_between(n, p_true - 2 * se, p_true + 2 * se, alpha=0.25, label=r"$p \pm 2\,\mathrm{SE}$")
ax.axhline(p_true, color="k", lw=0.8)
ax.set_xscale("log")
ax.set_ylim(0.4, 1.0)
ax.set_xlabel("N")
ax.set_ylabel(r"$\hat p$")
ax.legend()
plt.show()

# %% [markdown] lang="en"
# The estimate wanders a lot at first and then settles into an ever narrower band. To see the
# *distribution* of $\hat p$, repeat a 100-shot experiment 400 times (again cut out of one long
# run): the estimates spread around 0.75 with a standard deviation close to the predicted
# $\sqrt{0.75 \cdot 0.25 / 100} \approx 0.043$.

# %% [markdown] lang="ko"
# 추정값은 처음에는 크게 흔들리다가 점점 좁아지는 띠 안으로 자리를 잡습니다. $\hat p$의 *분포*를 보기
# 위해 100샷짜리 실험을 400번 반복해 봅니다(이번에도 긴 실행 하나를 잘라 씁니다). 추정값은 0.75 주위에
# 퍼지며, 그 표준편차는 예측값 $\sqrt{0.75 \cdot 0.25 / 100} \approx 0.043$에 가깝습니다.

# %%
long_run = simulator.run(biased, shots=40_000, memory=True, seed_simulator=12).result().get_memory()
estimates = (np.array(long_run) == "1").reshape(400, 100).mean(axis=1)
print(round(estimates.mean(), 4), round(estimates.std(), 4), round(np.sqrt(0.75 * 0.25 / 100), 4))

fig, ax = plt.subplots(figsize=(6, 3))
ax.hist(estimates, bins=np.arange(0.575, 0.935, 0.01), edgecolor="white")
ax.axvline(0.75, color="k", lw=1)
ax.set_xlabel(r"$\hat p$  (N = 100)")
plt.show()

# %% exercise="estimate_p1"

# %% [markdown] lang="en"
# ### How many shots do I need?
#
# Turn the formula around. To reach a standard error of at most $\varepsilon$ you need
#
# $$\sqrt{\frac{p(1-p)}{N}} \le \varepsilon \iff N \ge \frac{p(1-p)}{\varepsilon^2}.$$
#
# Shots are whole numbers, so the smallest sufficient $N$ is that bound **rounded up**. When $p$ is
# unknown, use the worst case $p = 1/2$, where $p(1-p)$ is largest: $N = 1/(4\varepsilon^2)$. One
# more decimal of precision (a ten times smaller $\varepsilon$) costs a hundred times more shots —
# on real hardware, shots cost time and money.

# %% [markdown] lang="ko"
# ### 샷이 몇 번 필요할까?
#
# 공식을 거꾸로 풀어 봅시다. 표준 오차를 $\varepsilon$ 이하로 만들려면 다음이 필요합니다.
#
# $$\sqrt{\frac{p(1-p)}{N}} \le \varepsilon \iff N \ge \frac{p(1-p)}{\varepsilon^2}.$$
#
# 샷 수는 정수이므로, 충분한 $N$ 중 가장 작은 값은 이 경계를 **올림**한 값입니다. $p$를 모를 때는
# $p(1-p)$가 가장 큰 최악의 경우 $p = 1/2$을 써서 $N = 1/(4\varepsilon^2)$으로 잡습니다. 정밀도를
# 소수점 한 자리 더 얻으려면($\varepsilon$을 10분의 1로 줄이려면) 샷이 100배 필요합니다. 실제
# 하드웨어에서 샷은 시간이자 비용입니다.

# %% exercise="shots_for_standard_error"

# %% [markdown] lang="en"
# ## 5. Seeds and reproducibility
#
# A simulator draws its outcomes from a pseudo-random number generator. Without a seed, every run
# starts from a different random state and gives different counts. With `seed_simulator=s`, the
# same circuit, shots and seed give **the same outcomes, shot for shot**, on every run and every
# machine with the same versions. Seeds make notebooks, tests and bug reports reproducible.
#
# Two warnings:
#
# - `seed_simulator` seeds the *sampling*. `seed_transpiler` (an option of `transpile`) seeds only
#   the randomized choices of the compiler and does **not** fix the outcomes.
# - A seed makes a result repeatable, not more correct. Trying seeds until the histogram "looks
#   right" is cherry-picking; pick the seed before you look.

# %% [markdown] lang="ko"
# ## 5. 시드와 재현성
#
# 시뮬레이터는 의사 난수 생성기(pseudo-random number generator)에서 결과를 뽑습니다. 시드가 없으면
# 매번 다른 난수 상태에서 시작하므로 실행할 때마다 집계가 달라집니다. `seed_simulator=s`를 주면 같은
# 회로, 같은 샷 수, 같은 시드는 버전이 같은 한 어느 실행, 어느 컴퓨터에서든 **샷 하나하나까지 같은
# 결과**를 냅니다. 시드 덕분에 노트북, 테스트, 버그 보고를 재현할 수 있습니다.
#
# 주의할 점이 두 가지 있습니다.
#
# - `seed_simulator`는 *표본 추출*의 시드입니다. `seed_transpiler`(`transpile`의 옵션)는 컴파일러의
#   무작위 선택만 고정할 뿐 결과를 고정하지 **않습니다**.
# - 시드는 결과를 반복 가능하게 만들 뿐 더 정확하게 만들지는 않습니다. 히스토그램이 "그럴듯해 보일"
#   때까지 시드를 바꿔 보는 것은 결과를 골라내는 체리피킹(cherry-picking)입니다. 결과를 보기 전에
#   시드를 정하세요.

# %%
first = simulator.run(coin, shots=12, memory=True, seed_simulator=2024).result().get_memory()
again = simulator.run(coin, shots=12, memory=True, seed_simulator=2024).result().get_memory()
other = simulator.run(coin, shots=12, memory=True, seed_simulator=2025).result().get_memory()
print("".join(first))
print("".join(again), first == again)
print("".join(other), first == other)

# %% exercise="shot_record"

# %% [markdown] lang="en"
# ## 6. Do the counts agree with the probabilities?
#
# Because of sampling error, counts never match the probabilities exactly, so "is this circuit
# right?" becomes a statistical question. The grader uses a **goodness-of-fit test**: assuming the
# expected probabilities are true, how surprising are the observed counts? The answer is a
# **p-value**; the counts are rejected only if it is below a small threshold $\alpha$ (here
# $\alpha = 10^{-3}$). A correct circuit is therefore wrongly rejected at most once in a thousand
# seeds, while a wrong distribution is rejected almost surely once $N$ is large enough. Below, the
# same 1000 counts are tested against the right distribution and against a slightly wrong one.

# %% [markdown] lang="ko"
# ## 6. 집계가 확률과 맞는가?
#
# 표본 오차 때문에 집계는 확률과 정확히 일치하는 법이 없습니다. 그래서 "이 회로가 맞는가?"는 통계적
# 질문이 됩니다. 채점기는 **적합도 검정**(goodness-of-fit test)을 사용합니다. 기대 확률이 참이라고
# 가정할 때 관측된 집계가 얼마나 뜻밖인지를 묻는 것입니다. 그 답이 **p-값**(p-value)이며, p-값이 작은
# 기준값 $\alpha$(여기서는 $\alpha = 10^{-3}$)보다 작을 때만 집계를 기각합니다. 따라서 올바른 회로가
# 잘못 기각되는 일은 시드 천 개 중 많아야 한 번이고, 틀린 분포는 $N$이 충분히 크면 거의 확실하게
# 기각됩니다. 아래에서는 같은 1000개의 집계를 올바른 분포와 조금 틀린 분포에 대해 각각 검정합니다.

# %%
from scipy.stats import chisquare

observed = simulator.run(biased, shots=1000, seed_simulator=8).result().get_counts()
print(observed)
for p1 in [0.75, 0.70, 0.65]:
    expected = [1000 * (1 - p1), 1000 * p1]
    test = chisquare([observed.get("0", 0), observed.get("1", 0)], expected)
    print(p1, f"{test.pvalue:.2g}")

# %% [markdown] lang="en"
# The true $p = 0.75$ gets a comfortable p-value. $0.65$ is rejected decisively. $0.70$ gets a
# small p-value, but not below $\alpha = 10^{-3}$: with 1000 shots the test cannot yet tell $0.70$
# from $0.75$ with confidence. A difference of 0.05 is about 3.5 standard errors here; with four
# times as many shots it would be 7, and $0.70$ would be rejected too. More shots give a test more
# **power**.

# %% [markdown] lang="ko"
# 참값 $p = 0.75$는 넉넉한 p-값을 얻고, $0.65$는 확실하게 기각됩니다. $0.70$은 작은 p-값을 받지만
# $\alpha = 10^{-3}$보다 작지는 않습니다. 샷 1000번으로는 검정이 아직 $0.70$과 $0.75$를 자신 있게
# 구별하지 못하는 것입니다. 여기서 0.05의 차이는 표준 오차의 약 3.5배인데, 샷을 네 배로 늘리면 7배가
# 되어 $0.70$도 기각됩니다. 샷이 많을수록 검정의 **검정력**(power)이 커집니다.

# %% [markdown] lang="en"
# ## 7. Measuring in the X and Y bases
#
# Hardware measures only in the $Z$ basis: it answers "$|0\rangle$ or $|1\rangle$?". Measuring
# $|+\rangle$ that way gives 50/50 and tells nothing about its phase. To ask "$|+\rangle$ or
# $|-\rangle$?" instead, **rotate first**, so that the question becomes a $Z$ question:
#
# - **$X$ basis:** apply $H$, then measure. $H$ maps $|+\rangle \to |0\rangle$ and
#   $|-\rangle \to |1\rangle$, so outcome 0 means $|+\rangle$ and outcome 1 means $|-\rangle$.
# - **$Y$ basis:** apply $S^\dagger$, then $H$, then measure. $S^\dagger$ turns the $+y$ axis onto
#   $+x$ ($S^\dagger|i\rangle = |+\rangle$), and $H$ then takes $+x$ to $+z$. Outcome 0 means
#   $|i\rangle$, outcome 1 means $|-i\rangle$.
#
# The order matters: the rotation must come **before** the measurement, and $S^\dagger$ before $H$.
# The difference of the two frequencies estimates the expectation value: in the $X$ basis,
# $\langle X\rangle = P(0) - P(1)$, and similarly for $Y$ and $Z$.
#
# Here is $|+\rangle$, measured in the $Z$ basis and in the $X$ basis:

# %% [markdown] lang="ko"
# ## 7. X 기저와 Y 기저에서 측정하기
#
# 하드웨어는 $Z$ 기저에서만 측정합니다. 즉 "$|0\rangle$인가, $|1\rangle$인가?"에만 답합니다. 이
# 방식으로 $|+\rangle$을 측정하면 50 대 50이 나올 뿐 위상에 대해서는 아무것도 알 수 없습니다. 대신
# "$|+\rangle$인가, $|-\rangle$인가?"를 물으려면 **먼저 회전해서** 그 질문을 $Z$ 기저의 질문으로
# 바꿉니다.
#
# - **$X$ 기저:** $H$를 적용한 다음 측정합니다. $H$는 $|+\rangle \to |0\rangle$,
#   $|-\rangle \to |1\rangle$으로 보내므로 결과 0은 $|+\rangle$을, 결과 1은 $|-\rangle$을 뜻합니다.
# - **$Y$ 기저:** $S^\dagger$, $H$를 차례로 적용한 다음 측정합니다. $S^\dagger$는 $+y$축을 $+x$축으로
#   돌리고($S^\dagger|i\rangle = |+\rangle$), 이어서 $H$가 $+x$를 $+z$로 보냅니다. 결과 0은
#   $|i\rangle$을, 결과 1은 $|-i\rangle$을 뜻합니다.
#
# 순서가 중요합니다. 회전은 측정 **전에** 해야 하고, $S^\dagger$가 $H$보다 먼저입니다. 두 빈도의 차는
# 기댓값의 추정값입니다. $X$ 기저에서는 $\langle X\rangle = P(0) - P(1)$이며, $Y$와 $Z$도 마찬가지입니다.
#
# 다음은 $|+\rangle$을 $Z$ 기저와 $X$ 기저에서 측정한 결과입니다.

# %%
plus = QuantumCircuit(1)
plus.h(0)

in_z = plus.copy()
in_z.measure_all()
in_x = plus.copy()
in_x.h(0)
in_x.measure_all()

z_counts = simulator.run(in_z, shots=1000, seed_simulator=21).result().get_counts()
x_counts = simulator.run(in_x, shots=1000, seed_simulator=21).result().get_counts()
display(in_x.draw("mpl"))
plot_histogram([z_counts, x_counts], legend=["Z", "X"])

# %% [markdown] lang="en"
# The rotation for the $Y$ basis, step by step on the Bloch sphere: $|i\rangle$ on the $+y$ axis,
# after $S^\dagger$ on the $+x$ axis, after $H$ at the north pole, where a $Z$ measurement gives 0
# with certainty.

# %% [markdown] lang="ko"
# $Y$ 기저를 위한 회전을 블로흐 구 위에서 단계별로 보면 다음과 같습니다. $+y$축 위의 $|i\rangle$이
# $S^\dagger$ 뒤에는 $+x$축으로, $H$ 뒤에는 북극으로 옮겨 가며, 북극에서는 $Z$ 측정이 확실하게 0을
# 줍니다.

# %%
from qiskit.visualization import plot_bloch_vector


def bloch_vector(circuit: QuantumCircuit) -> list[float]:
    """(<X>, <Y>, <Z>) of the state a 1-qubit circuit prepares."""
    state = Statevector(circuit)
    return [float(np.real(state.expectation_value(Operator.from_label(p)))) for p in "XYZ"]


steps = QuantumCircuit(1)
steps.h(0)
steps.s(0)
fig, axes = plt.subplots(1, 3, figsize=(9, 3.2), subplot_kw={"projection": "3d"})
plot_bloch_vector(bloch_vector(steps), title=r"$|i\rangle$", ax=axes[0], font_size=10)
steps.sdg(0)
plot_bloch_vector(bloch_vector(steps), title=r"$S^\dagger|i\rangle$", ax=axes[1], font_size=10)
steps.h(0)
plot_bloch_vector(bloch_vector(steps), title=r"$HS^\dagger|i\rangle$", ax=axes[2], font_size=10)
plt.show()

# %% exercise="measure_in_x_basis"

# %% exercise="measure_in_y_basis"

# %% [markdown] lang="en"
# ## 8. A biased coin
#
# A fair coin is $H|0\rangle$. For a coin that shows 1 with probability $p$, tip the Bloch vector
# less (or more) than a quarter turn: $R_Y(\theta)|0\rangle$ gives 1 with probability
# $\sin^2(\theta/2)$, so we need an angle with $\sin^2(\theta/2) = p$. Solving for $\theta$ is the
# exercise. The exercise is graded twice: once exactly, on the statevector, and once as an
# experiment would see it, on counts from Aer.

# %% [markdown] lang="ko"
# ## 8. 편향된 동전
#
# 공정한 동전은 $H|0\rangle$입니다. 확률 $p$로 1이 나오는 동전을 만들려면 블로흐 벡터를 4분의 1바퀴보다
# 덜(또는 더) 기울이면 됩니다. $R_Y(\theta)|0\rangle$에서 1이 나올 확률은 $\sin^2(\theta/2)$이므로
# $\sin^2(\theta/2) = p$를 만족하는 각도가 필요합니다. $\theta$를 구하는 것이 연습 문제입니다. 이
# 문제는 두 번 채점합니다. 한 번은 상태벡터로 정확하게, 또 한 번은 실험에서 보이는 대로 Aer의 집계로
# 채점합니다.

# %% exercise="biased_coin"

# %% [markdown] lang="en"
# ## 9. Putting it together: reading a Bloch vector from measurements
#
# Measuring the same state in the three bases estimates its Bloch vector
# $(\langle X\rangle, \langle Y\rangle, \langle Z\rangle)$: this is **state tomography**, the way
# experimenters find out which state their device really prepared. Below, a "mystery" state is
# measured 2000 times in each basis; the estimate lands close to the exact vector, within a few
# standard errors ($\approx 2/\sqrt{2000} \cdot \sqrt{p(1-p)} \le 1/\sqrt{2000} \approx 0.0224$ per
# coordinate).

# %% [markdown] lang="ko"
# ## 9. 종합: 측정으로 블로흐 벡터 읽어 내기
#
# 같은 상태를 세 기저에서 측정하면 그 블로흐 벡터 $(\langle X\rangle, \langle Y\rangle, \langle Z\rangle)$를
# 추정할 수 있습니다. 이것이 **상태 단층촬영**(state tomography)이며, 실험자가 장치에서 실제로 어떤 상태가
# 준비되었는지 알아내는 방법입니다. 아래에서는 "정체불명"의 상태를 기저마다 2000번씩 측정합니다. 추정값은
# 정확한 벡터와 가깝고, 그 차이는 표준 오차의 몇 배 이내입니다(좌표마다
# $\approx 2/\sqrt{2000} \cdot \sqrt{p(1-p)} \le 1/\sqrt{2000} \approx 0.0224$).

# %%
mystery = QuantumCircuit(1)
mystery.ry(1.1, 0)
mystery.p(2.2, 0)


def measured_in(prep: QuantumCircuit, basis: str) -> QuantumCircuit:
    """prep followed by a measurement in the X, Y or Z basis."""
    qc = prep.copy()
    if basis == "Y":
        qc.sdg(0)
    if basis in "XY":
        qc.h(0)
    qc.measure_all()
    return qc


estimate = []
for seed, basis in enumerate("XYZ"):
    c = (
        simulator.run(measured_in(mystery, basis), shots=2000, seed_simulator=seed)
        .result()
        .get_counts()
    )
    estimate.append((c.get("0", 0) - c.get("1", 0)) / 2000)

exact = [
    float(np.real(Statevector(mystery).expectation_value(Operator.from_label(p)))) for p in "XYZ"
]
print(np.round(estimate, 3))
print(np.round(exact, 3))

# %% [markdown] lang="en"
# ## 10. Drill: telling states and operations apart
#
# A measurement can tell two states apart with certainty only when they are orthogonal. For
# $|0\rangle$ against $|+\rangle$ ($|\langle 0|+\rangle|^2 = 1/2$) every measurement makes
# mistakes, and the question becomes which measurement makes the fewest. A first, natural try is to
# measure in the Z basis and guess $|0\rangle$ on outcome 0: that is always right for $|0\rangle$ but
# right only half of the time for $|+\rangle$, an average success of $0.75$. The cell below estimates
# it with Aer. The best single measurement (the **Helstrom measurement**) does better,
# $\frac12\big(1 + \sqrt{1 - |\langle a|b\rangle|^2}\big) = \cos^2(\pi/8) \approx 0.854$: its axis on
# the Bloch sphere sits symmetrically between the two states, at right angles to their bisector.
#
# The same idea tells two **gates** apart: pick an input state on which they act as orthogonal
# outputs, apply the unknown gate once, and measure in the basis of those outputs.

# %% [markdown] lang="ko"
# ## 10. 연습: 상태와 연산을 구별하기
#
# 측정으로 두 상태를 확실하게 구별할 수 있는 것은 두 상태가 직교할 때뿐입니다. $|0\rangle$과
# $|+\rangle$($|\langle 0|+\rangle|^2 = 1/2$)를 구별할 때는 어떤 측정이든 틀릴 때가 있으므로, 어떤
# 측정이 가장 적게 틀리는지가 문제입니다. 먼저 떠오르는 방법은 Z 기저에서 측정해 결과가 0이면
# $|0\rangle$이라고 추측하는 것입니다. 그러면 $|0\rangle$은 항상 맞히지만 $|+\rangle$은 절반만 맞혀서
# 평균 성공 확률이 $0.75$입니다. 아래 셀은 이 값을 Aer로 추정합니다. 가장 좋은 단일 측정(**헬스트롬
# 측정**)은 이보다 나은 $\frac12\big(1 + \sqrt{1 - |\langle a|b\rangle|^2}\big) = \cos^2(\pi/8) \approx 0.854$를
# 얻습니다. 그 측정 축은 블로흐 구에서 두 상태 사이에 대칭으로, 두 상태의 이등분선에 수직으로 놓입니다.
#
# 같은 생각으로 두 **게이트**도 구별할 수 있습니다. 두 게이트가 서로 직교하는 출력을 내는 입력 상태를
# 골라, 알 수 없는 게이트를 한 번 적용하고, 그 출력들의 기저에서 측정하면 됩니다.

# %%
zero_or_plus = {"0": QuantumCircuit(1), "+": QuantumCircuit(1)}
zero_or_plus["+"].h(0)
right_guess = {"0": "0", "+": "1"}  # Z-basis guess: outcome 0 means |0>, outcome 1 means |+>
success = []
for k, (name, prep) in enumerate(zero_or_plus.items()):
    guess = prep.copy()
    guess.measure_all()
    c = simulator.run(guess, shots=2000, seed_simulator=100 + k).result().get_counts()
    success.append(c.get(right_guess[name], 0) / 2000)
print(np.round(success, 3), round(float(np.mean(success)), 3), round(np.cos(np.pi / 8) ** 2, 3))

# %% exercise="distinguish_zero_plus"

# %% exercise="optimal_success"

# %% exercise="tell_x_from_z"

# %% [markdown] lang="en"
# ## Visualising counts
#
# Two functions draw counts as bars:
#
# - `plot_histogram(counts)` draws the **counts** themselves (the y axis says "Count");
# - `plot_distribution(counts)` draws them **normalised**, as probabilities that sum to 1 (its y
#   axis says "Quasi-probability", because it also draws the quasi-probabilities of error
#   mitigation, which may be negative).
#
# Both take a list of count dictionaries to compare several runs side by side, with options that
# change the picture, never the data:
#
# | option | what it does |
# |---|---|
# | `legend=["a", "b"]` | names the runs, in the order of the list |
# | `title="..."` | a title above the chart |
# | `sort="asc"` / `"desc"` | outcomes in increasing (default) or decreasing order of their bit string |
# | `sort="value"` / `"value_desc"` | outcomes from the least to the most frequent, or the reverse |
# | `sort="hamming", target_string="11"` | outcomes by how many bits differ from `target_string` |
# | `number_to_keep=k` | keeps the `k` most frequent outcomes and adds the rest up in one bar, `rest` |
# | `bar_labels=False` | leaves out the numbers written above the bars |
#
# Below, an ideal Bell-pair run next to counts such as a noisy device returns (typed in here;
# module 12 simulates real noise): the errors `01` and `10` are easy to see once the bars are
# sorted by frequency.

# %% [markdown] lang="ko"
# ## 집계 시각화
#
# 집계를 막대로 그리는 함수는 두 가지입니다.
#
# - `plot_histogram(counts)`는 집계 **그 자체**를 그립니다(y축 이름은 "Count").
# - `plot_distribution(counts)`는 합이 1이 되도록 **정규화한** 확률로 그립니다. y축 이름이
#   "Quasi-probability"인 까닭은, 오류 완화에서 나오는 음수일 수도 있는 준확률(quasi-probability)도 이
#   함수로 그리기 때문입니다.
#
# 두 함수 모두 집계 딕셔너리의 리스트를 받아 여러 실행을 나란히 비교할 수 있고, 데이터가 아니라
# 그림만 바꾸는 옵션이 있습니다.
#
# | 옵션 | 하는 일 |
# |---|---|
# | `legend=["a", "b"]` | 리스트 순서대로 각 실행의 이름을 붙입니다(범례) |
# | `title="..."` | 그래프 위에 제목을 답니다 |
# | `sort="asc"` / `"desc"` | 결과를 비트 문자열의 오름차순(기본값) 또는 내림차순으로 놓습니다 |
# | `sort="value"` / `"value_desc"` | 결과를 가장 드문 것부터, 또는 가장 잦은 것부터 놓습니다 |
# | `sort="hamming", target_string="11"` | `target_string`과 다른 비트 수가 적은 결과부터 놓습니다 |
# | `number_to_keep=k` | 가장 잦은 결과 `k`개만 남기고 나머지는 `rest` 막대 하나로 합칩니다 |
# | `bar_labels=False` | 막대 위에 적히는 숫자를 뺍니다 |
#
# 아래는 이상적인 벨 쌍 실행 결과와, 잡음이 있는 장치가 돌려줄 법한 집계(여기서는 직접 적어 넣은
# 값이며, 실제 잡음은 12번째 모듈에서 시뮬레이션합니다)를 나란히 그린 것입니다. 막대를 빈도순으로
# 정렬하면 오류 결과 `01`과 `10`이 한눈에 보입니다.

# %%
from qiskit.visualization import plot_distribution

bell_pair = QuantumCircuit(2)
bell_pair.h(0)
bell_pair.cx(0, 1)
bell_pair.measure_all()
bell_ideal = simulator.run(bell_pair, shots=1000, seed_simulator=5).result().get_counts()
bell_noisy = {"00": 455, "11": 468, "01": 41, "10": 36}
display(plot_histogram(bell_noisy, sort="hamming", target_string="11", title="11"))
plot_distribution([bell_ideal, bell_noisy], legend=["ideal", "noisy"], sort="value_desc")

# %% exercise="compare_runs"

# %% [markdown] lang="en"
# ## Summary
#
# - A measurement returns 0 or 1 at random with the Born-rule probabilities and collapses the qubit;
#   information comes from repeating the circuit: **shots**.
# - `AerSimulator().run(qc, shots=N, seed_simulator=s).result().get_counts()` returns counts;
#   missing outcomes occurred zero times; `memory=True` keeps every shot; outcome strings are
#   little-endian (bit 0 on the right).
# - The **Sampler** primitive runs the same circuit: `SamplerV2(seed=s).run([qc], shots=N)` from
#   `qiskit_aer.primitives`, then `.result()[0].data.<register>` is a `BitArray` with
#   `get_counts()` and `get_bitstrings()`. Primitives and ISA circuits are what IBM devices accept.
# - $\hat p = n_1/N$ estimates $p$ with standard error $\sqrt{p(1-p)/N}$; the number of shots for a
#   target error $\varepsilon$ is $\lceil p(1-p)/\varepsilon^2 \rceil$.
# - `seed_simulator` makes sampling reproducible; `seed_transpiler` does not.
# - Counts are judged with a statistical test, not by exact equality.
# - To measure in the $X$ basis apply $H$ first; in the $Y$ basis apply $S^\dagger$ then $H$.
# - Non-orthogonal states cannot be told apart with certainty; the best single measurement succeeds
#   with probability $\frac12\big(1 + \sqrt{1 - |\langle a|b\rangle|^2}\big)$. Two gates are told
#   apart by an input on which their outputs are orthogonal.
#
# Next module: two qubits and entanglement.

# %% [markdown] lang="ko"
# ## 정리
#
# - 측정은 보른 규칙의 확률에 따라 0 또는 1을 무작위로 돌려주고 큐비트를 붕괴시킵니다. 정보는 회로를
#   반복 실행해서, 즉 **샷**으로 얻습니다.
# - `AerSimulator().run(qc, shots=N, seed_simulator=s).result().get_counts()`는 집계를 돌려줍니다.
#   집계에 없는 결과는 0번 나온 것이고, `memory=True`는 모든 샷을 남기며, 결과 문자열은 리틀
#   엔디언(비트 0이 오른쪽)입니다.
# - **Sampler** 프리미티브도 같은 회로를 실행합니다. `qiskit_aer.primitives`의
#   `SamplerV2(seed=s).run([qc], shots=N)` 다음 `.result()[0].data.<레지스터>`는 `get_counts()`와
#   `get_bitstrings()`를 주는 `BitArray`입니다. IBM 장치가 받는 것은 프리미티브와 ISA 회로입니다.
# - $\hat p = n_1/N$은 표준 오차 $\sqrt{p(1-p)/N}$으로 $p$를 추정합니다. 목표 오차 $\varepsilon$에
#   필요한 샷 수는 $\lceil p(1-p)/\varepsilon^2 \rceil$입니다.
# - `seed_simulator`는 표본 추출을 재현 가능하게 하지만 `seed_transpiler`는 그렇지 않습니다.
# - 집계는 정확한 일치 여부가 아니라 통계적 검정으로 판단합니다.
# - $X$ 기저에서 측정하려면 먼저 $H$를, $Y$ 기저에서 측정하려면 $S^\dagger$와 $H$를 차례로 적용합니다.
# - 직교하지 않는 상태들은 확실하게 구별할 수 없으며, 가장 좋은 단일 측정의 성공 확률은
#   $\frac12\big(1 + \sqrt{1 - |\langle a|b\rangle|^2}\big)$입니다. 두 게이트는 출력이 서로 직교하게
#   되는 입력으로 구별합니다.
#
# 다음 모듈에서는 두 큐비트와 얽힘을 다룹니다.
