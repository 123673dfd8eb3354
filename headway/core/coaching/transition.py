"""The Career Transition Journey: from setting the stage to concluding, with later check-ins.

Pure data, in Headway's own words: open questions for the client to answer.
"""

from __future__ import annotations

from headway.core.coaching.spec import ModelSpec, StageSpec, questions

# ---------------------------------------------------------------------------
# Career Transition Journey
# ---------------------------------------------------------------------------

_CTJ_RAPPORT = StageSpec(
    key="rapport",
    name="Rapport and setting the stage",
    purpose=(
        "This is where we get to know each other and agree how we will work "
        "together. We settle what stays confidential and what each of us can "
        "expect, and take a first honest look at where you are starting from."
    ),
    questions=questions(
        ("what-brings-you", "What brings you here at this point in your working life?"),
        ("hoped-for-difference", "What would you like to be different by the end of this process?"),
        ("worth-your-time", "How will you know this work has been worth your time?"),
        ("support-that-helps", "What kind of support helps you most when you face a big decision?"),
        (
            "what-gets-in-way",
            "What tends to get in your way when you try to make a change on your own?",
        ),
        (
            "how-to-be-challenged",
            "How do you want to be challenged when you notice you are stuck or going round in circles?",
        ),
        (
            "off-limits",
            "Which topics, if any, would you prefer to keep out of these conversations for now?",
        ),
        (
            "who-is-affected",
            "Who else will be affected by a career change, and how involved do you want them to be?",
        ),
        (
            "time-and-energy",
            "How much time and energy can you realistically give to this over the coming months?",
        ),
        (
            "change-that-worked",
            "What is a change you have made before that went well, and what made it work?",
        ),
        ("biggest-worry", "What worries you most about starting this process?"),
        ("beyond-the-cv", "What would someone need to know about you that a CV would never show?"),
    ),
    tools=("coach_profile", "agreement", "intake"),
    exit_checklist=(
        "We have agreed how we will work together, including timing and contact between sessions.",
        "You know what stays confidential and the exceptions to that.",
        "You have completed the intake.",
        "You have named what you hope will be different by the end.",
    ),
)

_CTJ_CURRENT_STATE = StageSpec(
    key="current-state",
    name="Current career state",
    purpose=(
        "Before looking ahead, we take an honest look at where you are now. "
        "We map what your current work gives you, what it costs you, and what "
        "has brought the question of change to the surface."
    ),
    questions=questions(
        (
            "typical-week",
            "What does a typical working week look like, and which parts do you look forward to or dread?",
        ),
        (
            "what-prompts-change",
            "What prompted you to think about a change now rather than a year ago?",
        ),
        ("worth-keeping", "What is working well in your current role that you would want to keep?"),
        ("what-drains", "What drains your energy most at work, and when did you first notice it?"),
        (
            "how-you-got-here",
            "How did you end up in your current role: by choice, by chance, or a bit of both?",
        ),
        (
            "satisfaction-score",
            "How satisfied are you with your work today on a scale of 1 to 10, and what keeps it from being lower?",
        ),
        (
            "what-others-notice",
            "What do the people closest to you say about how work is affecting you?",
        ),
        (
            "putting-up-with",
            "What have you been putting up with at work that you no longer want to accept?",
        ),
        (
            "fully-absorbed",
            "When did you last feel fully absorbed at work, and what were you doing?",
        ),
        ("what-is-missing", "What is missing from your working life that you would like more of?"),
        ("cost-of-staying", "If nothing changes over the next two years, what will that cost you?"),
        (
            "strain-outside-work",
            "Where does the strain of work show up outside work, in your sleep, health, relationships or mood?",
        ),
    ),
    tools=("intake", "energy_journal"),
    exit_checklist=(
        "You have described your current role and what prompts the change.",
        "You have named what you want to keep and what you want to leave behind.",
        "You have recorded your first entries in the energy journal.",
        "We have a shared picture of how satisfied you are today and why.",
    ),
)

_CTJ_SELF_ASSESSMENT = StageSpec(
    key="self-assessment",
    name="Self-assessment",
    purpose=(
        "Here we look inward to understand what you bring and what you need. "
        "Your values, strengths, interests and the skills you love using become "
        "the yardstick you will hold every option up against later on."
    ),
    questions=questions(
        (
            "values-honoured",
            "What do you value most in your working life, and where is it honoured or ignored today?",
        ),
        ("non-negotiables", "Which of your values are non-negotiable in whatever you do next?"),
        (
            "proud-achievement",
            "What achievement are you most proud of, and which skills did you use to make it happen?",
        ),
        ("lose-track-of-time", "When do you lose track of time, at work or outside it?"),
        ("what-people-ask-for", "What do colleagues and friends tend to come to you for?"),
        (
            "skills-you-love",
            "Which skills do you enjoy using most, and which are you good at but would happily never use again?",
        ),
        (
            "transferable-skills",
            "Which of your skills would travel with you into a different field or industry?",
        ),
        (
            "early-pulls",
            "What were you drawn to before anyone told you what a sensible career looked like?",
        ),
        (
            "keep-returning-to",
            "What topics or problems do you keep returning to in your spare time?",
        ),
        (
            "best-environment",
            "What does the setting look like where you do your best work: the people, pace, place and structure?",
        ),
        (
            "own-success",
            "How do you define success for yourself, as opposed to how others define it for you?",
        ),
        (
            "results-surprise",
            "What in your values, strengths or interest results surprised you, and what rang true?",
        ),
        (
            "unpaid-skills",
            "Which skills have you built outside paid work, in caring, volunteering or side projects, that rarely "
            "appear on your CV?",
        ),
    ),
    tools=("values_sort", "strengths", "interests", "motivated_skills"),
    exit_checklist=(
        "You have a ranked list of your top values.",
        "You have named at least five strengths, including some that others see in you.",
        "You have an interest profile and noted what fits and what does not.",
        "You have a list of transferable skills you enjoy using.",
    ),
)

_CTJ_READINESS = StageSpec(
    key="readiness",
    name="Readiness for change",
    purpose=(
        "A career change takes time, money and energy, so it helps to check "
        "honestly what you have available right now. This stage looks at where "
        "the dissatisfaction really comes from, what you can afford and how much "
        "uncertainty you can live with, so the plan fits your real life."
    ),
    questions=questions(
        (
            "source-of-dissatisfaction",
            "Where does your dissatisfaction really come from: the work itself, the organisation, your manager, "
            "or the field as a whole?",
        ),
        (
            "same-work-elsewhere",
            "If you did the same work for a different employer, what would change and what would stay the same?",
        ),
        (
            "change-from-within",
            "What changes within your current role or organisation might solve part of the problem?",
        ),
        (
            "money-runway",
            "How many months could you cover your essential costs if your income dropped or stopped for a while?",
        ),
        (
            "income-floor",
            "What is the lowest income you could live on during a transition, and for how long?",
        ),
        (
            "responsibilities",
            "Which responsibilities, such as family, caring, debt or housing, need protecting whatever you decide?",
        ),
        (
            "living-with-uncertainty",
            "How do you usually cope when you do not know how something will turn out?",
        ),
        (
            "worst-case",
            "What is the worst realistic outcome of making a change, and how would you recover from it?",
        ),
        ("cost-of-waiting", "What would it cost you to wait another year before acting?"),
        (
            "supporters-and-doubters",
            "Who around you will support this change, and whose doubts will you need to handle?",
        ),
        (
            "weekly-hours",
            "How many hours a week can you realistically give to exploring and preparing?",
        ),
        (
            "readiness-score",
            "How ready do you feel to make a change, from 1 to 10, and what would move that number up by one?",
        ),
        (
            "identity-and-title",
            "What part of your identity is tied to your current job title, and how would it feel to let that go?",
        ),
    ),
    tools=("readiness",),
    exit_checklist=(
        "You know whether the problem lies mainly in the role, the organisation or the field.",
        "You have worked out your financial runway and the lowest income you can live on.",
        "You have listed the responsibilities and constraints your plan must respect.",
        "You have rated your readiness and named what would raise it.",
    ),
)

_CTJ_EXPLORING = StageSpec(
    key="exploring",
    name="Exploring options",
    purpose=(
        "Now we widen the view before narrowing it again. You gather three to "
        "five options and test them against reality by reading about "
        "occupations, talking with people who do the work and, where you can, "
        "watching it up close."
    ),
    questions=questions(
        (
            "options-worth-exploring",
            "Which three to five options feel most worth exploring right now, however unlikely they seem?",
        ),
        (
            "quietly-dismissed",
            "What option have you been quietly dismissing, and what makes you dismiss it?",
        ),
        (
            "what-attracts",
            "What attracts you to each option, and which of your values does it speak to?",
        ),
        (
            "need-to-know",
            "What do you need to find out about each option before you could judge it fairly?",
        ),
        (
            "who-to-talk-to",
            "Who is already doing work you find interesting, and how could you reach them?",
        ),
        ("what-to-ask", "What would you most want to ask someone who does this work every day?"),
        (
            "typical-day",
            "What does a typical day look like in each option, and how does it compare with the day you want?",
        ),
        (
            "see-it-up-close",
            "Where could you spend a day or a few hours watching this work happen up close?",
        ),
        (
            "small-experiment",
            "What small, low-risk experiment could you run to test an option, such as a course, a project or "
            "volunteering?",
        ),
        ("surprises", "What has surprised you in what you have learned so far?"),
        (
            "energy-response",
            "How does your energy respond when you talk or read about each option?",
        ),
        (
            "routes-in",
            "What routes into each option exist, and which of your skills and experience already count towards "
            "them?",
        ),
        ("ruled-out", "Which options have you ruled out, and what did ruling them out teach you?"),
    ),
    tools=("occupations", "exploration_board", "informational_interviews"),
    exit_checklist=(
        "You have three to five options on your exploration board.",
        "You have held at least two informational interviews.",
        "You have compared each option with your values, strengths and interests.",
        "You have noted for each option what you learned and what is still unknown.",
    ),
)

_CTJ_CHOOSING = StageSpec(
    key="choosing",
    name="Choosing a direction",
    purpose=(
        "With real information in hand, it is time to choose a direction to "
        "pursue. We weigh the options against what matters most to you, listen "
        "to your gut as well as the scores, and look squarely at the risks so the "
        "choice is one you can stand behind."
    ),
    questions=questions(
        (
            "criteria",
            "What criteria matter most when you compare your options, and how much weight does each deserve?",
        ),
        (
            "matrix-result",
            "What does your decision matrix suggest, and how do you feel about that result?",
        ),
        (
            "gut-check",
            "Imagine you have just committed to your top option: what do you feel in that moment?",
        ),
        (
            "hardest-to-drop",
            "If you had to drop one option today, which would you be most disappointed to lose?",
        ),
        (
            "biggest-risks",
            "What are the biggest risks of your leading option, and how could you reduce each one?",
        ),
        (
            "whose-voice",
            "Whose voice is loudest in this decision, and how much of it is really yours?",
        ),
        (
            "future-self",
            "Imagine yourself five years from now looking back: what would you want to have chosen, and why?",
        ),
        (
            "fear-in-the-room",
            "What fear is shaping this decision, and what would you choose if it were smaller?",
        ),
        (
            "combine-options",
            "In what way could you combine parts of two options rather than choosing only one?",
        ),
        (
            "missing-information",
            "What information is still missing, and how will you get it without delaying indefinitely?",
        ),
        (
            "what-you-give-up",
            "What will you give up to pursue this direction, and how do you feel about that trade?",
        ),
        (
            "way-back",
            "How reversible is this choice, and what would a way back look like if you needed one?",
        ),
    ),
    tools=("decision_matrix",),
    exit_checklist=(
        "You have scored your options in a decision matrix.",
        "You have chosen one direction, or a clear combination, to pursue.",
        "You have checked the choice against your gut and your top values.",
        "You have named the main risks and a way to reduce each.",
    ),
)

_CTJ_PLANNING = StageSpec(
    key="planning",
    name="Goals and action plan",
    purpose=(
        "A direction becomes real through small, dated steps. Here you turn "
        "your choice into SMART goals, break them into actions you can start "
        "this week, and think ahead about the obstacles most likely to trip you up."
    ),
    questions=questions(
        (
            "twelve-months",
            "What do you want to have achieved in this transition twelve months from now?",
        ),
        (
            "measuring-progress",
            "How will you measure progress, and what will success look like at three, six and twelve months?",
        ),
        ("first-step", "What is the smallest step you could take in the next seven days?"),
        (
            "gaps-to-close",
            "Which skills, qualifications or experience do you still need, and how will you gain them?",
        ),
        ("door-openers", "Who could open doors or offer advice, and when will you contact them?"),
        (
            "likely-obstacles",
            "What obstacles are most likely to get in your way, and how will you spot them early?",
        ),
        ("if-then", "If your motivation dips or life gets busy, what will you do to keep going?"),
        (
            "plan-b",
            "What is your plan B if your first route does not work out in the time you expect?",
        ),
        (
            "what-plan-needs",
            "What money, time and support does your plan need, and where will each come from?",
        ),
        (
            "when-to-tell",
            "When is the right time to tell your employer, colleagues or family about your plans?",
        ),
        (
            "holding-back",
            "How have you held yourself back in the past, and what will you do differently this time?",
        ),
        (
            "your-story",
            "How will you explain your change to a new employer or client in two or three sentences?",
        ),
    ),
    tools=("smart_goals", "action_plan"),
    exit_checklist=(
        "You have written SMART goals for your chosen direction.",
        "You have an action plan of small, dated steps, the first within a week.",
        "You have listed likely obstacles with an if-then plan for each.",
        "You have a contingency plan in case the first route stalls.",
    ),
)

_CTJ_ACCOUNTABILITY = StageSpec(
    key="accountability",
    name="Follow-up and accountability",
    purpose=(
        "Plans rarely survive contact with real life unchanged, and that is "
        "fine. In this stage we check in regularly to review progress, learn "
        "from what did and did not happen, and adjust the plan so momentum keeps "
        "building."
    ),
    questions=questions(
        (
            "since-last-time",
            "What have you done since the last check-in, and what are you pleased about?",
        ),
        ("not-as-planned", "What did not happen as planned, and what got in the way?"),
        (
            "new-learning",
            "What have you learned about yourself or your new direction since the last check-in?",
        ),
        ("energy-now", "How is your energy right now, and what is affecting it?"),
        ("next-two-weeks", "What is the most important step for the next two weeks?"),
        (
            "commitment-score",
            "How committed are you to that step, from 1 to 10, and what would bring it closer to 10?",
        ),
        ("plan-changes", "What in your plan needs to change in light of what you now know?"),
        (
            "support-needed",
            "What support do you need between now and the next check-in, and who can give it?",
        ),
        ("small-wins", "Which wins, however small, deserve to be noticed?"),
        ("avoiding", "What have you been avoiding, and what might that be telling you?"),
        (
            "confidence-shift",
            "How has your confidence in this direction shifted, and what shifted it?",
        ),
        (
            "feedback-received",
            "What feedback have you had from employers, contacts or experiments, and what will you do with it?",
        ),
    ),
    tools=("sessions", "check_ins", "action_plan"),
    exit_checklist=(
        "We have agreed a regular rhythm of sessions or check-ins.",
        "You have reviewed your action plan and updated its steps and dates.",
        "You have recorded your wins and obstacles since the last check-in.",
        "You have a clear next step with a date.",
    ),
)

_CTJ_CONCLUDING = StageSpec(
    key="concluding",
    name="Concluding",
    purpose=(
        "Every coaching journey has an ending, and it deserves as much care as "
        "the beginning. We look back at how far you have come, celebrate what "
        "you achieved, and agree how you will keep going and when to check in again."
    ),
    questions=questions(
        ("what-changed", "What has changed for you since this work began?"),
        ("proudest", "What are you proudest of in this journey?"),
        ("worth-remembering", "What have you learned about yourself that you want to remember?"),
        ("what-helped", "What helped you most along the way?"),
        ("starting-again", "What would you do differently if you were starting again?"),
        ("still-open", "What questions are still open for you?"),
        ("keeping-momentum", "How will you keep your momentum once regular sessions end?"),
        ("drift-signals", "What signs would tell you that you are drifting off course?"),
        (
            "a-year-from-now",
            "Where do you want to be a year from now, and what is the first step towards it?",
        ),
        ("marking-it", "How will you mark and celebrate what you have achieved?"),
        (
            "note-to-past-self",
            "Imagine meeting yourself at the start of this journey: what would you want that person to know?",
        ),
        (
            "later-check-in",
            "When would a later check-in be most useful to you, and what would you want to look at then?",
        ),
    ),
    tools=("celebration", "check_ins"),
    exit_checklist=(
        "You have a celebration summary of your journey and what you achieved.",
        "You have named what will help you keep going on your own.",
        "We have scheduled at least one later check-in.",
        "You have noted the open questions you want to revisit.",
    ),
)

CAREER_TRANSITION_JOURNEY: ModelSpec = ModelSpec(
    key="career-transition-journey",
    name="Career Transition Journey",
    summary=(
        "A stage-by-stage path from sensing that your work no longer fits to "
        "settling into a new direction. Each stage offers questions to reflect on "
        "and tools to record what you find, at your own pace."
    ),
    who_for=(
        "People who feel their career no longer fits and want a structured way "
        "to work out what comes next, whether that means a new role, a new "
        "employer, a new field or a different shape of working life. It works "
        "with a coach or on your own."
    ),
    problems_solved=(
        "It turns a vague sense that something has to change into a clear picture "
        "of what you want to keep, what you want to leave behind and why. It helps "
        "you test real options before committing, choose between them with both "
        "head and gut, and turn the choice into small steps you can actually take. "
        "Regular check-ins keep the momentum going when life gets busy."
    ),
    stages=(
        _CTJ_RAPPORT,
        _CTJ_CURRENT_STATE,
        _CTJ_SELF_ASSESSMENT,
        _CTJ_READINESS,
        _CTJ_EXPLORING,
        _CTJ_CHOOSING,
        _CTJ_PLANNING,
        _CTJ_ACCOUNTABILITY,
        _CTJ_CONCLUDING,
    ),
)
