"""The few learner-facing words the self-study tools write themselves, in English and Korean."""

from __future__ import annotations

LANGS = ("en", "ko")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "check_title": "### Check your work\n\nSave the notebook (Ctrl+S), then run the cell "
        "below: it grades this notebook with the course's own tests, hidden tests included, and "
        'records your progress. Stuck? `hint("EXERCISE_ID")` shows the next hint.',
        "exercise": "Exercise",
        "points": "Points",
        "verdict": "Verdict",
        "message": "Message",
        "passed": "passed",
        "failed": "not yet",
        "not_run": "not run",
        "score": "Score",
        "module": "Module",
        "attempts": "Checks",
        "best": "Best",
        "first_pass": "First passed",
        "hints": "Hints",
        "competence": "Competence (CFQT)",
        "level": "Level",
        "exercises_passed": "Exercises passed",
        "hint": "Hint",
        "no_more_hints": "That was the last hint for this exercise.",
    },
    "ko": {
        "check_title": "### 풀이 확인하기\n\n노트북을 저장(Ctrl+S)한 뒤 아래 셀을 실행하세요. "
        "숨은 테스트까지 포함한 과정의 테스트로 이 노트북을 채점하고 진도를 기록합니다. "
        '막혔나요? `hint("EXERCISE_ID")`가 다음 힌트를 보여 줍니다.',
        "exercise": "연습",
        "points": "점수",
        "verdict": "판정",
        "message": "메시지",
        "passed": "통과",
        "failed": "아직",
        "not_run": "실행 안 됨",
        "score": "총점",
        "module": "모듈",
        "attempts": "확인 횟수",
        "best": "최고 점수",
        "first_pass": "처음 통과",
        "hints": "힌트",
        "competence": "역량 (CFQT)",
        "level": "수준",
        "exercises_passed": "통과한 연습",
        "hint": "힌트",
        "no_more_hints": "이 연습의 마지막 힌트였습니다.",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def pick(texts: dict[str, str], lang: str) -> str:
    """A bilingual text in `lang`, else English, else whatever there is."""
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")
