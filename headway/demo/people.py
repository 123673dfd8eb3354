"""The demo's people, as data: its two coaches, their clients, a self-guided user and a
prospect asking for an introduction."""

from __future__ import annotations

from typing import Any

from headway.demo.common import CTJ, OFFSITE

# Days are "days ago". A client is invited `started` days ago and accepts a day later, reaches
# each stage in `moves` on its day (with the coach's reason), and was last active `last` days
# ago. Answers are keyed "stage/question"; `ticks` are the current stage's exit checklist items
# done (those of earlier stages are all done).
# fmt: off
COACHES: dict[str, dict[str, Any]] = {
    "maya": {
        "email": "maya@northstar.example", "name": "Maya Okafor", "joined": 120,
        "profile": {
            "headline": "Career-change coach for mid-career professionals who feel stuck",
            "story": "I spent twelve years in hospital management before I admitted that the part of my job I loved was the corridor conversation with someone working out their next move. Retraining as a coach at 41 was the most frightening and best decision I have made, and it taught me how much of a career change happens long before anyone updates a CV.",
            "background": "Twelve years in NHS operations and workforce planning, the last four leading a team of thirty. Since 2017 I have coached more than 250 people through career changes: clinicians, accountants, teachers leaving the classroom and parents returning after a break.",
            "training": "ICF Professional Certified Coach (PCC)\nPostgraduate Certificate in Coaching, Oxford Brookes University\nMental Health First Aider (MHFA England)",
            "specialties": "Mid-career changes\nLeaving healthcare and public service\nReturning after a career break\nBurnout and finding your direction again",
            "session_formats": "60-minute video calls every two to three weeks, walk-and-talk sessions in Bristol, and short check-ins by message between sessions.",
            "is_public": True,
        },
    },
    "daniel": {
        "email": "daniel@northstar.example", "name": "Daniel Reyes", "joined": 100,
        "profile": {
            "headline": "Coaching engineers and technical people into their next chapter",
            "story": "I was a backend engineer for nine years and an engineering manager for five. Somewhere along the way I noticed I cared more about how the people on my team grew than about the systems we built. Now I coach people who think in systems but feel their own career has no architecture.",
            "background": "Fourteen years in software, from a five-person start-up to a 4,000-person fintech. I have hired and managed engineers, product managers and designers, so I know those roles from the inside, including the parts the job adverts leave out.",
            "training": "EMCC Senior Practitioner accreditation\nCo-Active Professional Coach (CPCC)\nCertified to use the Strong Interest Inventory",
            "specialties": "Moving from engineering into product or management\nRegular career offsites for busy professionals\nDeciding between staying technical and leading people",
            "session_formats": "50-minute video calls, facilitated three-hour career offsites (in person in Manchester or online), and async check-ins in between.",
            "is_public": False,
        },
    },
}

CLIENTS: list[dict[str, Any]] = [
    {
        "name": "Grace Mensah", "email": "grace.mensah@example.com", "board": True,
        "coach": "maya", "model": CTJ, "started": 68, "last": 2,
        "seen": 5,  # Maya has not read her latest answers yet
        "message": "Grace, it was lovely to meet you on Thursday. Here is your space in Headway: start with the agreement and the intake whenever suits you.",
        "intake": {
            "current_role": "Senior staff nurse, acute medical ward", "field": "Healthcare (NHS)",
            "years_in_field": 11, "satisfaction": 4, "stance": "exploring",
            "change_prompt": "Night shifts and constant short-staffing have worn me down. A friend in tech described user research and it sounded like the part of nursing I love most: listening to people and fixing what gets in their way.",
            "constraints": "My partner's salary covers the mortgage, but we rely on mine for everything else. I'd like to keep a few bank shifts while I retrain.",
            "hopes": "To find out whether UX research is a real option for someone like me, and if so, a realistic route in.",
        },
        "moves": [
            ("current-state", 60, "Agreement and intake done; Grace is clear about what she wants from coaching."),
            ("self-assessment", 46, "A good, honest picture of the current role. Ready to look at values and strengths."),
            ("readiness", 31, "Patient advocacy and problem-solving stand out in the values and strengths work."),
            ("exploring", 15, "Runway worked out (about a year with bank shifts). Time to look at real options."),
        ],
        "answers": {
            "rapport/what-brings-you": "I've been a nurse for eleven years and I still care about my patients, but I'm exhausted by the system around them. A friend who works in tech said my job sounded like 'user research with a blood pressure cuff', and I haven't been able to stop thinking about it.",
            "rapport/biggest-worry": "That I'm romanticising a job I know nothing about and will throw away a secure career for something just as draining. And, honestly, that my colleagues will think I'm abandoning them.",
            "current-state/what-drains": "Twelve-and-a-half-hour nights and always being two nurses short. The rota drains me more than the patients ever have. I noticed it properly last winter, when I sat in the car park after a shift and cried without knowing why.",
            "current-state/worth-keeping": "The moment a patient finally tells you what is really worrying them. I'm good at noticing what people don't say. Whatever I do next, I want it to involve people, not just screens.",
            "self-assessment/what-people-ask-for": "Junior nurses come to me when a process isn't working. Last year I redesigned our handover sheet because it kept missing allergies, and the matron rolled it out across the whole directorate.",
            "self-assessment/non-negotiables": "Being useful to real people, and a team that is honest with each other. I don't need to save lives every day, but I need to know who my work helps.",
            "readiness/money-runway": "We have about eight months of savings and my partner covers the mortgage. If I keep two bank shifts a month I can stretch that to a year.",
            "readiness/readiness-score": "About a 7. What would make it an 8 is talking to someone who has actually moved from clinical work into research, so I know it isn't a fantasy.",
            "exploring/options-worth-exploring": "UX research in health tech, clinical safety officer roles, and digital transformation inside the NHS. I've also been told to look at patient experience teams, which I dismissed too quickly.",
            "exploring/surprises": "Both UX researchers I spoke to said clinical interviewing is exactly the skill they struggle to teach. One warned me junior pay is lower than I expected. I've booked a two-day usability testing course for next month.",
        },
        "ticks": (0, 1),
    },
    {
        "name": "Tom Whitfield", "email": "tom.whitfield@example.com",
        "coach": "maya", "model": CTJ, "started": 80, "last": 23,  # gone quiet: the dashboard flags it
        "message": "Tom, as promised, here is the link. No rush with the intake; bring your questions to our first session.",
        "intake": {
            "current_role": "Audit manager", "field": "Accountancy (mid-size firm)",
            "years_in_field": 14, "satisfaction": 5, "stance": "exploring",
            "change_prompt": "My daughter asked why I never talk about my job at dinner. The only part of my year I'd happily talk about is training the graduate intake.",
            "constraints": "Two children, a mortgage, and my wife works part-time. Any drop in income needs to be planned, not sudden.",
            "hopes": "To work out whether teaching is a calling or an escape fantasy, and to stop rehearsing the same arguments in my head.",
        },
        "moves": [
            ("current-state", 72, "Rapport built. Tom wants to be challenged directly, noted."),
            ("self-assessment", 57, "It is the content of audit work, not the firm, that wears on him."),
            ("readiness", 38, "Values work points firmly at explaining and developing people. Time to test the practicalities."),
        ],
        "answers": {
            "rapport/what-brings-you": "I've been an accountant for fourteen years and I'm good at it, but I can't remember the last time I was proud of a piece of work. The best week of my year is training the graduates, and I've started to wonder if that's telling me something.",
            "rapport/how-to-be-challenged": "Bluntly, please. I can build a spreadsheet that justifies staying put in about ten minutes. If I bring up pension contributions for the third session running, call it out.",
            "current-state/typical-week": "Reviewing files, chasing clients for documents and sitting in status meetings. I look forward to Thursday afternoons, when I mentor two juniors. I dread quarter-end.",
            "current-state/satisfaction-score": "A 5. The people and the salary keep it from being lower. The work itself would be a 3.",
            "self-assessment/lose-track-of-time": "Explaining things. When a graduate finally gets deferred tax I can lose an hour at the whiteboard. I also coach my son's under-11s football team on Saturdays and it never feels like a chore.",
            "self-assessment/transferable-skills": "Explaining complicated things simply, staying calm under deadlines, and being organised to the point of annoying people. A maths or business studies classroom would use all three.",
            "readiness/income-floor": "This is the sticking point. A trainee teacher's salary is less than half of mine. We could manage on about 60% for two years if we cut back, but not less.",
        },
        "ticks": (0,),
    },
    {
        "name": "Hannah Lowe", "email": "hannah.lowe@example.com",
        "coach": "maya", "model": CTJ, "started": 40, "last": 26,
        "paused": "Hannah is taking a few weeks of sick leave; we agreed to pause and pick up again when she is ready.",
        "message": "Hannah, thank you for being so open on our call. Here is your invitation; take it at your own pace.",
        "intake": {
            "current_role": "Senior marketing manager", "field": "Consumer goods (FMCG)",
            "years_in_field": 9, "satisfaction": 2, "stance": "ready",
            "change_prompt": "I was signed off with stress in the spring and went straight back into a product launch. I no longer care whether the campaigns work, and that frightens me more than the tiredness.",
            "constraints": "Single income, renting in London. I can't take more than about a 15% pay cut right now, and my health has to come first.",
            "hopes": "To stop making decisions out of exhaustion, and to know whether it's marketing I need to leave or just this job.",
        },
        "moves": [("current-state", 33, "Agreement and intake complete. We agreed to go slowly.")],
        "answers": {
            "rapport/support-that-helps": "Someone who lets me think out loud without jumping to solutions. Everyone in my life has an opinion about whether I should quit; I need space to hear my own.",
            "rapport/off-limits": "I'd rather not go deep into my relationship with my old manager yet. It's still raw. Happy to come back to it later.",
            "current-state/what-prompts-change": "Two weeks ago I sat in a campaign review and realised I couldn't care less whether the new flavour sells. I used to love this work. That's what made me book the call.",
            "current-state/strain-outside-work": "I'm sleeping about five hours and I check Slack before I get out of bed. I've cancelled on friends so often that they've stopped asking.",
        },
        "ticks": (0,),
    },
    {
        "name": "Leo Park", "email": "leo.park@example.com",
        "coach": "maya", "model": CTJ, "started": 4,
        "accepted": False,  # still only invited
        "message": "Lovely to meet you at the introductory session, Leo. Here is the link to get started whenever you're ready.",
    },
    {
        "name": "Sofia Alvarez", "email": "sofia.alvarez@example.com",
        "coach": "daniel", "model": CTJ, "started": 95, "last": 1,
        "message": "Hi Sofia, here's the invitation we talked about. The intake takes about fifteen minutes.",
        "intake": {
            "current_role": "Senior software engineer", "field": "Software (B2B SaaS)",
            "years_in_field": 8, "satisfaction": 6, "stance": "moving",
            "change_prompt": "I keep volunteering for discovery work and customer calls, and I enjoy them far more than shipping code. My company just opened an associate product manager programme.",
            "constraints": "My visa is tied to my employer for another 14 months, so an internal move is easiest. Two young kids: one evening a week for study at most.",
            "hopes": "A clear yes or no on product management, and a plan I can take to my manager.",
        },
        "moves": [
            ("current-state", 86, "Agreement signed and intake in. Sofia wants to move quickly but carefully."),
            ("self-assessment", 74, "Clear that the pull is towards users and the why, not away from engineering."),
            ("readiness", 60, "Autonomy and impact are her top values; strong enterprising interests."),
            ("exploring", 45, "Dissatisfaction sits in the work, not the company: an internal move is realistic."),
            ("choosing", 9, "Four informational interviews done; product management is the clear front-runner."),
        ],
        "answers": {
            "rapport/what-brings-you": "I've been an engineer for eight years and I'm good at it, but the parts of my job I enjoy most aren't the code. I want to know whether product management is a real fit or just greener grass.",
            "current-state/fully-absorbed": "Last month I ran three customer interviews for our billing redesign and wrote up what we learned. I was still at it at midnight and didn't notice. I can't say that about a pull request in years.",
            "current-state/what-is-missing": "Seeing the why. I build what's on the ticket and find out three months later whether it mattered. I want to be in the room where the ticket gets written.",
            "self-assessment/skills-you-love": "Love: untangling a messy problem into something a team can act on, and talking to users. Good at but happy never to do again: on-call, and being the only person who understands the legacy payments code.",
            "self-assessment/results-surprise": "I expected achievement to top my values, but it came out as autonomy and impact. The interest profile leaned enterprising and investigative, which rang true.",
            "readiness/source-of-dissatisfaction": "Not the company, I like it here. It's the work itself. That's good news, because it means an internal move might be possible.",
            "exploring/who-to-talk-to": "Our head of product, two PMs from my old company and a solutions engineer I met at a conference. Daniel also introduced me to a former engineer who moved into product.",
            "exploring/ruled-out": "Engineering management. I thought it was the obvious next step, but after shadowing my manager for a day I realised I'd be trading code for calendar Tetris, not for product decisions.",
            "choosing/gut-check": "Relief, and a bit of fear. When I imagine telling my manager I want the APM role, my shoulders drop. The fear is about being junior again.",
            "choosing/biggest-risks": "A pay cut, and turning out to be a mediocre PM. To reduce both: ask for a six-month rotation rather than a transfer, keep my engineering skills warm, and agree success measures with the head of product upfront.",
        },
        "ticks": (0, 1, 2, 3),  # checklist complete: ready to move on
    },
    {
        "name": "Ruth Adeyemi", "email": "ruth.adeyemi@example.com",
        "coach": "daniel", "model": OFFSITE, "started": 50, "last": 6,
        "message": "Ruth, here is your invitation for the offsite programme. See you at the first one!",
        "intake": {
            "current_role": "Director of operations", "field": "Housing charity",
            "years_in_field": 16, "satisfaction": 7, "stance": "curious",
            "change_prompt": "Nothing is wrong, which is exactly the problem: I haven't thought about my career on purpose in ten years.",
            "constraints": "A demanding full-time role with a lot of travel; evenings are precious.",
            "hopes": "A repeatable rhythm that keeps me steering rather than drifting.",
        },
        "moves": [
            ("current-state", 42, "Rhythm agreed: quarterly offsites, facilitated for the first one."),
            ("offsite", 13, "Snapshot and energy journal in place; first offsite held in a borrowed meeting room."),
        ],
        "answers": {
            "rapport/what-brings-you": "I like my job, that's the odd thing. But I realised I haven't made a deliberate career decision since I was 34. Things have just happened to me, mostly good things. I'd like to be steering.",
            "rapport/thinking-style": "Walking, then writing. I'm useless at thinking in a meeting room. Give me a long walk and a notebook afterwards.",
            "current-state/energy-givers": "Fixing something structural so it stays fixed. Our new repairs process cut tenant complaints by a third, and I still get a kick out of the monthly report.",
            "current-state/reluctant-to-admit": "That I'm bored by the budget cycle, and that I've been delegating anything strategic because it feels like extra work, when it's the part I would enjoy if I gave it time.",
            "offsite/energy-patterns": "Highest on days I'm out visiting our schemes, lowest on board-paper days. Thursday was my worst day three weeks running: that's the finance meeting.",
            "offsite/three-things": "1. Lead the strategy refresh myself instead of delegating it. 2. Find a mentor who has moved from operations into a chief executive role. 3. Get back to visiting one scheme a week.",
        },
        "ticks": (0, 1, 2),
    },
]

SELF_GUIDED: dict[str, Any] = {
    "name": "Priya Shah", "email": "priya@example.net", "model": CTJ, "started": 16, "last": 1,
    "intake": {
        "current_role": "Policy officer", "field": "Local government",
        "years_in_field": 6, "satisfaction": 5, "stance": "decided",
        "change_prompt": "A restructure has made it clear there is no next step for me here, and I've stopped learning.",
        "constraints": "Renting, some savings. I'd prefer to stay in Leeds.",
        "hopes": "At least one direction I'm genuinely curious about.",
    },
    "moves": [
        ("current-state", 12, "Finished the rapport questions. On to where I am now."),
        ("self-assessment", 5, "I have an honest picture of my current job. Time for values."),
    ],
    "answers": {
        "rapport/hoped-for-difference": "I'd like to stop saying 'I don't know what else I'd do' whenever someone asks. Even one direction I'm curious about would feel like progress.",
        "current-state/how-you-got-here": "Mostly chance. I did a politics degree, took a temporary job at the council, and six years later I'm still here. I've never actually chosen it.",
        "current-state/cost-of-staying": "I'd be 34, still writing reports that get shelved, and probably more cynical than I'd like to admit.",
        "self-assessment/values-honoured": "Fairness and learning. Fairness is honoured in what the council is for, but ignored in how decisions get made. The learning stopped about three years ago.",
        "self-assessment/early-pulls": "Making things: zines, a terrible website for my school band, editing the student paper. Somewhere along the line I decided that wasn't a real job.",
    },
    "ticks": (0,),
}

INTRO = {
    "name": "Nadia Hussein", "email": "nadia.hussein@example.org",
    "message": "Hi Maya, the part of your page about leaving healthcare really landed with me. I'm a pharmacist of fifteen years thinking about regulatory affairs or medical writing. Would you have time for an introductory call in the next couple of weeks? Evenings suit me best.",
}
# fmt: on
