# %% [markdown] lang="en"
# # Dynamic circuits and OpenQASM
#
# So far every circuit was a fixed list of gates with the measurements at the end. A **dynamic
# circuit** measures some qubits *while it runs* and lets the outcomes decide what happens next:
# apply a gate or not (`if_test`), repeat a block until something is measured (`while_loop`), pick
# one of several blocks (`switch`). Classical bits can be combined into **classical expressions**
# (`qiskit.circuit.classical.expr`) to form the conditions. IBM devices run dynamic circuits, and
# the Aer simulator does too, so every example here runs on a seeded `AerSimulator`.
#
# The second half of the module is about **OpenQASM**, the text format in which circuits are
# exchanged between tools: OpenQASM 2 for plain gate circuits, OpenQASM 3 for everything,
# dynamic circuits included.

# %% [markdown] lang="ko"
# # 동적 회로와 OpenQASM
#
# 지금까지의 회로는 모두 정해진 게이트 목록이었고, 측정은 맨 끝에 있었습니다. **동적 회로**(dynamic
# circuit)는 *실행 도중에* 일부 큐비트를 측정하고, 그 결과에 따라 다음에 할 일을 정합니다. 게이트를
# 적용할지 말지 정하거나(`if_test`), 어떤 값이 측정될 때까지 블록을 반복하거나(`while_loop`), 여러 블록
# 가운데 하나를 고릅니다(`switch`). 고전 비트를 조합한 **고전 표현식**(`qiskit.circuit.classical.expr`)으로
# 조건을 만들 수도 있습니다. IBM 장치는 동적 회로를 실행하고, Aer 시뮬레이터도 마찬가지이므로 이 모듈의
# 예제는 모두 시드를 고정한 `AerSimulator`에서 실행됩니다.
#
# 모듈의 후반부는 여러 도구가 회로를 주고받는 텍스트 형식인 **OpenQASM**을 다룹니다. OpenQASM 2는 게이트만
# 있는 회로를, OpenQASM 3는 동적 회로를 포함한 모든 회로를 나타냅니다.

# %%
from qiskit import ClassicalRegister, QuantumRegister, qasm2, qasm3, transpile
from qiskit.circuit.classical import expr
from qiskit_aer import AerSimulator

simulator = AerSimulator(seed_simulator=15)


def run_counts(circuit, shots=2000):
    """Counts of `circuit` on the seeded Aer simulator."""
    return simulator.run(transpile(circuit, simulator), shots=shots).result().get_counts()


def operation_names(circuit):
    """Names of the operations in `circuit`, including those inside control-flow blocks."""
    names = set()
    for instruction in circuit.data:
        names.add(instruction.operation.name)
        for block in getattr(instruction.operation, "blocks", ()):
            names |= set(operation_names(block))
    return sorted(names)


def uses_expression(circuit):
    """Whether some if_else or while_loop in `circuit` has a classical expression as condition."""
    for instruction in circuit.data:
        condition = getattr(instruction.operation, "condition", None)
        if isinstance(condition, expr.Expr):
            return True
        if any(uses_expression(block) for block in getattr(instruction.operation, "blocks", ())):
            return True
    return False


# %% [markdown] lang="en"
# ## Mid-circuit measurement and reset
#
# A measurement in the middle of a circuit works like one at the end: the qubit collapses to
# $|0\rangle$ or $|1\rangle$ and the outcome is written to a classical bit. The qubit stays usable
# afterwards. `reset` returns a qubit to $|0\rangle$ whatever its state, so one physical qubit can
# serve several times. Below, one qubit gives three independent fair coins: counts are keyed with
# bit 0 on the right, as always in Qiskit.

# %% [markdown] lang="ko"
# ## 회로 중간 측정과 초기화
#
# 회로 중간의 측정도 끝에서 하는 측정과 똑같이 작동합니다. 큐비트는 $|0\rangle$ 또는 $|1\rangle$로
# 붕괴하고, 결과는 고전 비트에 기록됩니다. 측정한 뒤에도 큐비트는 계속 쓸 수 있습니다. `reset`은 상태가
# 무엇이든 큐비트를 $|0\rangle$로 되돌리므로, 물리 큐비트 하나를 여러 번 쓸 수 있습니다. 아래에서는 큐비트
# 하나로 서로 독립인 공정한 동전 세 개를 만듭니다. Qiskit에서는 늘 그렇듯 집계의 키에서 비트 0이 맨
# 오른쪽입니다.

# %%
coins = QuantumCircuit(1, 3)
for bit in range(3):
    coins.h(0)
    coins.measure(0, bit)
    coins.reset(0)
print(run_counts(coins))
coins.draw("mpl")

# %% [markdown] lang="en"
# ## Feed-forward with `if_test`
#
# `with qc.if_test((bit, value)):` runs the gates of its block only in the shots where the bit
# (or a whole register) has that value; `else_()` adds the other branch. Qiskit stores the block
# as one instruction named `if_else`. A classic use is **teleportation** with real corrections
# instead of the deferred controlled gates of module 04: Alice measures, and Bob's X and Z depend
# on her two bits. Here the state $R_Y(1.2)|0\rangle$ is teleported from qubit 0 to qubit 2 and
# only qubit 2 is measured at the end, into its own register.

# %% [markdown] lang="ko"
# ## `if_test`를 쓴 피드포워드
#
# `with qc.if_test((bit, value)):`는 그 비트(또는 레지스터 전체)가 주어진 값을 가진 샷에서만 블록의
# 게이트를 실행합니다. `else_()`로 다른 갈래를 덧붙일 수 있습니다. Qiskit은 이 블록을 `if_else`라는 이름의
# 명령어 하나로 저장합니다. 대표적인 쓰임새는 모듈 04에서 본 지연된 제어 게이트 대신 실제 보정을 쓰는
# **순간이동**입니다. Alice가 측정하고, Bob의 X와 Z는 그녀의 두 비트에 따라 정해집니다. 여기서는
# $R_Y(1.2)|0\rangle$ 상태를 큐비트 0에서 큐비트 2로 순간이동하고, 마지막에 큐비트 2만 별도의
# 레지스터에 측정합니다.

# %%
alice = ClassicalRegister(2, "alice")
bob = ClassicalRegister(1, "bob")
teleport = QuantumCircuit(QuantumRegister(3, "q"), alice, bob)
teleport.ry(1.2, 0)
teleport.h(1)
teleport.cx(1, 2)
teleport.cx(0, 1)
teleport.h(0)
teleport.measure([0, 1], alice)
with teleport.if_test((alice[1], 1)):
    teleport.x(2)
with teleport.if_test((alice[0], 1)):
    teleport.z(2)
teleport.measure(2, bob[0])

counts = run_counts(teleport)
p1 = sum(n for key, n in counts.items() if key.split()[0] == "1") / sum(counts.values())
print(round(p1, 3), round(np.sin(0.6) ** 2, 3))
teleport.draw("mpl")

# %%
print(teleport.draw("text", fold=-1))

# %% [markdown] lang="en"
# The measured frequency of 1 on Bob's qubit is close to $\sin^2(0.6) \approx 0.319$, whatever
# Alice measured.
#
# **Reading the drawing.** Each `if_else` is a box labelled `If` around the gates of its block, on
# the qubits they act on. A line runs from the box down to the classical register, where the
# condition is written: `alice_1=0x1` means "bit 1 of `alice` equals 1" (values are printed in
# hexadecimal). The text drawer shows the same structure with `If-0` ... `End-0` brackets; the
# number tells nested blocks apart.
#
# ## Repeat until success: `while_loop`
#
# `with qc.while_loop((bit, value)):` repeats its block as long as the condition holds. The
# condition is tested before each pass, so it must have been measured before the loop. This is the
# **repeat-until-success** pattern: try, measure whether it worked, try again if not. On real
# hardware every extra pass costs time, so the expected number of passes matters: with success
# probability $p$ per try it is $1/p$.

# %% [markdown] lang="ko"
# Bob의 큐비트에서 1이 측정된 빈도는 Alice가 무엇을 측정했든 $\sin^2(0.6) \approx 0.319$에 가깝습니다.
#
# **그림 읽기.** 각 `if_else`는 블록의 게이트를 둘러싼 `If` 상자로, 그 게이트가 작용하는 큐비트 위에
# 그려집니다. 상자에서 고전 레지스터까지 선이 내려오고, 그곳에 조건이 적혀 있습니다. `alice_1=0x1`은
# "`alice`의 비트 1이 1과 같다"는 뜻입니다(값은 16진수로 표시됩니다). 텍스트 그림도 같은 구조를
# `If-0` ... `End-0` 괄호로 보여 줍니다. 번호는 중첩된 블록을 서로 구별합니다.
#
# ## 성공할 때까지 반복: `while_loop`
#
# `with qc.while_loop((bit, value)):`는 조건이 성립하는 동안 블록을 반복합니다. 조건은 매번 반복하기
# 전에 검사하므로, 반복 전에 미리 측정해 두어야 합니다. 이것이 **성공할 때까지 반복**(repeat until
# success) 패턴입니다. 시도하고, 성공했는지 측정하고, 아니면 다시 시도합니다. 실제 하드웨어에서는 반복할
# 때마다 시간이 들기 때문에 반복 횟수의 기댓값이 중요합니다. 한 번 시도할 때 성공 확률이 $p$이면
# 기댓값은 $1/p$입니다.

# %%
# Worked example: prepare |1> from a biased coin RY(pi/3)|0>, P(1) = 1/4 per try
biased = QuantumCircuit(1, 1)
biased.ry(np.pi / 3, 0)
biased.measure(0, 0)
with biased.while_loop((biased.clbits[0], 0)):
    biased.reset(0)
    biased.ry(np.pi / 3, 0)
    biased.measure(0, 0)
print(run_counts(biased))
biased.draw("mpl")

# %% exercise="coin_until_one"

# %% exercise="active_reset"

# %% [markdown] lang="en"
# ## `for_loop`
#
# `with qc.for_loop(range(k)) as i:` repeats its block once for each value; the loop variable `i`
# is a `Parameter` that gates of the block may use (`qc.rz(i * 0.1, 0)`), or you can ignore it.
# A loop keeps the circuit short to write and to send: the body is stored once, and the drawing
# shows it once, inside a `For` box labelled with the range.

# %% [markdown] lang="ko"
# ## `for_loop`
#
# `with qc.for_loop(range(k)) as i:`는 값마다 한 번씩 블록을 반복합니다. 반복 변수 `i`는 블록 안의
# 게이트가 쓸 수 있는 `Parameter`이고(`qc.rz(i * 0.1, 0)`), 쓰지 않아도 됩니다. 본문이 한 번만 저장되므로
# 반복문을 쓰면 회로를 짧게 쓰고 보낼 수 있습니다. 그림에도 본문이 한 번만, 범위가 적힌 `For` 상자
# 안에 그려집니다.

# %%
# Worked example: the loop variable sets the angle; the angles 0, pi/4, pi/2 add up to 3pi/4
ramp = QuantumCircuit(1, 1)
with ramp.for_loop(range(3)) as i:
    ramp.ry(i * np.pi / 4, 0)
ramp.measure(0, 0)
print(run_counts(ramp), round(np.sin(3 * np.pi / 8) ** 2, 3))
ramp.draw("mpl")

# %% exercise="repeated_rotation"

# %% [markdown] lang="en"
# ## `switch` and classical expressions
#
# `with qc.switch(target) as case:` reads a bit or a register as an integer and runs the block of
# the matching `with case(value):`; `case(case.DEFAULT)` catches every other value. It replaces a
# chain of `if_test`s on the same register, and says so in one instruction, `switch_case`.
#
# A condition can also be a **classical expression**. The functions of `qiskit.circuit.classical.expr`
# build them from bits, registers and integers: `expr.bit_and`, `bit_or`, `bit_xor`, `bit_not`
# (bitwise), `logic_and`, `logic_or`, `logic_not` (true or false), `equal`, `not_equal`, `less`,
# `greater` and more. Any of them can go where a (bit, value) pair went: `if_test`, `while_loop`,
# and as the target of `switch`.

# %% [markdown] lang="ko"
# ## `switch`와 고전 표현식
#
# `with qc.switch(target) as case:`는 비트나 레지스터를 정수로 읽고, 값이 맞는 `with case(value):`의
# 블록을 실행합니다. `case(case.DEFAULT)`는 나머지 모든 값을 받습니다. 같은 레지스터에 대한 `if_test`를
# 여러 개 늘어놓는 대신 쓰며, 명령어 하나(`switch_case`)로 그 뜻을 드러냅니다.
#
# 조건은 **고전 표현식**(classical expression)일 수도 있습니다. `qiskit.circuit.classical.expr`의
# 함수들로 비트, 레지스터, 정수를 조합해 만듭니다. `expr.bit_and`, `bit_or`, `bit_xor`, `bit_not`(비트
# 단위), `logic_and`, `logic_or`, `logic_not`(참 또는 거짓), `equal`, `not_equal`, `less`, `greater`
# 등이 있습니다. 이 표현식은 (비트, 값) 쌍이 들어가던 자리 어디에나 쓸 수 있습니다. `if_test`,
# `while_loop`, 그리고 `switch`의 대상입니다.

# %%
# Worked example: a majority vote of three noisy copies, measured into `votes`
votes = ClassicalRegister(3, "votes")
result = ClassicalRegister(1, "result")
vote = QuantumCircuit(QuantumRegister(4, "q"), votes, result)
vote.ry(2 * np.pi / 3, [0, 1, 2])  # each copy reads 1 with probability 3/4
vote.measure([0, 1, 2], votes)
with vote.switch(votes) as case:
    with case(3, 5, 6, 7):  # at least two ones
        vote.x(3)
vote.measure(3, result[0])
majority = run_counts(vote, shots=4000)
p_majority = sum(n for key, n in majority.items() if key[0] == "1") / 4000
print(round(p_majority, 3), 3 * (3 / 4) ** 2 * (1 / 4) + (3 / 4) ** 3)

vote.draw("mpl")

# %%
# The same decision as one classical expression: at least two ones is "votes > 2 and votes != 4"
at_least_two = expr.logic_and(expr.greater(votes, 2), expr.not_equal(votes, 4))
print(at_least_two.type)
vote_expr = QuantumCircuit(QuantumRegister(4, "q"), votes, result)
vote_expr.ry(2 * np.pi / 3, [0, 1, 2])
vote_expr.measure([0, 1, 2], votes)
with vote_expr.if_test(at_least_two):
    vote_expr.x(3)
vote_expr.measure(3, result[0])
majority_expr = run_counts(vote_expr, shots=4000)
print(round(sum(n for key, n in majority_expr.items() if key[0] == "1") / 4000, 3))
vote_expr.draw("mpl")

# %% [markdown] lang="en"
# A majority of three copies that each read 1 with probability $3/4$ reads 1 with probability
# $3 \cdot (3/4)^2 (1/4) + (3/4)^3 = 27/32 \approx 0.844$, better than one copy. Both circuits
# measure close to it: `case(3, 5, 6, 7)` lists the register values one by one, while the
# expression states the rule. The type of the expression is `Bool()`, which is what `if_test` and
# `while_loop` need; an expression on a whole register, such as `expr.bit_and(votes, 3)`, has an
# unsigned-integer type and can be the target of a `switch`.

# %% [markdown] lang="ko"
# 각각 확률 $3/4$로 1을 내는 사본 세 개의 다수결은 확률 $3 \cdot (3/4)^2 (1/4) + (3/4)^3 = 27/32
# \approx 0.844$로 1을 내며, 사본 하나보다 낫습니다. 두 회로 모두 이 값에 가깝게 측정됩니다.
# `case(3, 5, 6, 7)`은 레지스터 값을 하나하나 나열하고, 표현식은 규칙 자체를 적습니다. 표현식의 타입은
# `Bool()`로, `if_test`와 `while_loop`에 필요한 타입입니다. `expr.bit_and(votes, 3)`처럼 레지스터 전체에
# 대한 표현식은 부호 없는 정수 타입을 가지며 `switch`의 대상이 될 수 있습니다.

# %% exercise="selector"

# %% exercise="parity_condition"

# %% [markdown] lang="en"
# ## OpenQASM 2 and OpenQASM 3
#
# **OpenQASM** is the text form of a circuit. `qasm2.dumps(circuit)` writes OpenQASM 2 (registers
# `qreg`/`creg`, the gate library `qelib1.inc`); it has no loops, no `switch` and no expressions,
# so it cannot hold a dynamic circuit. `qasm3.dumps(circuit)` writes OpenQASM 3 (`qubit[n]`,
# `bit[n]`, `stdgates.inc`, `if`, `while`, `for`, `switch`). Both have a `loads` that reads a string
# back into a `QuantumCircuit` (and `dump`/`load` for files). `qasm3.loads` uses the
# `qiskit-qasm3-import` package; it does not yet read every construct that `qasm3.dumps` writes
# (for example `switch` and some expressions), so check a round trip before you rely on it.

# %% [markdown] lang="ko"
# ## OpenQASM 2와 OpenQASM 3
#
# **OpenQASM**은 회로를 텍스트로 나타낸 것입니다. `qasm2.dumps(circuit)`는 OpenQASM 2(`qreg`/`creg`
# 레지스터, 게이트 라이브러리 `qelib1.inc`)로 씁니다. OpenQASM 2에는 반복문도, `switch`도, 표현식도
# 없으므로 동적 회로를 담을 수 없습니다. `qasm3.dumps(circuit)`는 OpenQASM 3(`qubit[n]`, `bit[n]`,
# `stdgates.inc`, `if`, `while`, `for`, `switch`)로 씁니다. 두 모듈 모두 문자열을 다시 `QuantumCircuit`로
# 읽는 `loads`가 있습니다(파일에는 `dump`/`load`). `qasm3.loads`는 `qiskit-qasm3-import` 패키지를
# 씁니다. 이 패키지는 `qasm3.dumps`가 쓰는 구문을 아직 모두 읽지는 못하므로(예를 들어 `switch`와 일부
# 표현식), 의지하기 전에 한 번 왕복해 보세요.

# %%
bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])
print(qasm2.dumps(bell))
print(qasm3.dumps(bell))

# %%
# A dynamic circuit only exists in OpenQASM 3; the while loop survives the round trip
program = qasm3.dumps(biased)
print(program)
loaded = qasm3.loads(program)
print(operation_names(loaded), run_counts(loaded))

# %%
# Reading a program written by hand
loaded_bell = qasm2.loads(
    'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\n'
)
print({key: round(float(p), 3) for key, p in Statevector(loaded_bell).probabilities_dict().items()})

# %% exercise="ghz_qasm3"

# %% exercise="export_both"

# %% [markdown] lang="en"
# ## Summary
#
# - Mid-circuit `measure` and `reset` let a qubit be measured and used again.
# - `if_test` (with `else_`), `while_loop`, `for_loop` and `switch` are Qiskit's control flow;
#   they appear as `if_else`, `while_loop`, `for_loop` and `switch_case` instructions, drawn as
#   boxes.
# - Conditions are (bit, value) or (register, value) pairs, or classical expressions from
#   `qiskit.circuit.classical.expr`.
# - `qasm2.dumps`/`loads` handle OpenQASM 2 (no dynamic circuits); `qasm3.dumps`/`loads` handle
#   OpenQASM 3.

# %% [markdown] lang="ko"
# ## 정리
#
# - 회로 중간의 `measure`와 `reset`으로 큐비트를 측정한 뒤 다시 쓸 수 있습니다.
# - `if_test`(`else_`와 함께), `while_loop`, `for_loop`, `switch`가 Qiskit의 제어 흐름입니다. 이들은
#   `if_else`, `while_loop`, `for_loop`, `switch_case` 명령어로 나타나고, 그림에서는 상자로 그려집니다.
# - 조건은 (비트, 값)이나 (레지스터, 값) 쌍, 또는 `qiskit.circuit.classical.expr`의 고전 표현식입니다.
# - `qasm2.dumps`/`loads`는 OpenQASM 2(동적 회로 불가)를, `qasm3.dumps`/`loads`는 OpenQASM 3를
#   다룹니다.
