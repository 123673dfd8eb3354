"""The word lists behind the SMART analysis, kept in one place so they can be read and argued with.

The analysis is a lexicon and a few patterns rather than a language model: a coach can
see why a goal was read the way it was, and the lists grow with the goals people write.
"""

from __future__ import annotations

from headway.core.smart.calendar_words import word_set as _words


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split(",") if p.strip())


# Words before the action that say who wants it, not what it is: "I'd really like to ...".
PREAMBLE = _words(
    """i i'll i'm i'd ill im id we we'll we're me my our goal goals aim aims is are am was to
    want wants wanna would like love need needs plan plans planning intend intending hope
    hoping going gonna will shall must should could can might may really finally also just
    actually definitely seriously properly genuinely please let lets let's then so and
    aiming wanting committed commit determined try trying attempt objective target mission
    dream ambition priority next step first main ultimately eventually ideally hopefully
    personally"""
)
# Verbs that take another action after them: "start applying", "keep practising".
ASPECT = _words("start starting begin beginning keep continue stop try manage remember commit")

# Vague on their own: the client has named a direction, not an action. Multi-word ones
# are matched before single words.
VAGUE_PHRASES = _phrases(
    """get better at, be better at, become better at, get good at, be good at, get more, be more,
    become more, feel more, get less, be less, feel less, work on, look into, think about,
    think more about, get into, find out, learn more about, learn about, know more about,
    read up on, read about, figure out, work out, sort out, focus on, deal with, keep up with,
    stay on top of, make progress, make a change, make changes, move forward, step up,
    level up, invest in, reflect on, get clarity, gain clarity, get my head around, be happier,
    be happy, feel happier, feel better, find my passion, find my purpose, find myself,
    explore more, find my way, get my life together, get back on track, get on track,
    sort my life out, get unstuck, feel confident, be confident, feel fulfilled, be fulfilled,
    get somewhere, do something, do more, do better, brush up on, brush up, be in a better,
    have a better, have more, know what, think through, get a feel for, get a sense of,
    get to grips with, dip my toe, test the waters, switch careers, change careers,
    change career, switch career, change jobs, switch jobs, make time for, have a think,
    have a proper think, take stock, take stock of, get to know, get clear on, be clear on,
    get clear about, get a grip on, work towards, work toward, move towards, take steps
    towards, take a step towards, get a handle on"""
)
VAGUE_VERBS = _words(
    """improve enhance boost strengthen grow increase expand broaden deepen upskill progress
    advance consider reflect think understand discover investigate polish refine tweak
    develop nurture cultivate optimise optimize maximise maximize better evolve change
    sharpen hone elevate push challenge embrace explore tidy stay feel remain stop avoid sort"""
)
# Ongoing activities: a clear object makes them specific, but they are never done by
# themselves ("learn Python" has no finish line).
ACTIVITY_VERBS = _words(
    """learn study practise practice research network volunteer seek prepare keep maintain
    save train follow track monitor journal blog meditate use spend help support contribute
    engage mentor coach teach listen watch freelance work read revise search
    look hunt job-hunt browse scroll apply"""
)
# `apply`, `read`, `watch` and `work` are activities unless their object is one definite thing.
SINGULAR_DONE = _words("apply read watch teach prepare")
# A job described by how it feels has no clear finish line: "a job I love", "a better job".
SUBJECTIVE = _words(
    """love enjoy like dream ideal perfect better happier fulfilling fulfilled meaningful
    rewarding right suitable decent nicer good great"""
)

# Outcome verbs for a job: what counts is whether the role is named.
JOB_VERBS = _words(
    """get find land secure obtain start begin accept have win bag score snag take look
    search hunt seek apply"""
)
JOB_NOUNS = _words(
    """job jobs role roles position positions work employment career opportunity
    opportunities opening openings vacancy vacancies gig gigs placement placements
    internship internships apprenticeship apprenticeships contract contracts offer offers
    promotion interview interviews"""
)
# Modifiers that do not name the role: "a new job", "a better-paid role".
JOB_GENERIC = _words(
    """new better good great different another decent proper stable permanent full-time
    part-time remote hybrid flexible well-paid better-paid higher-paid paid dream ideal
    perfect first real suitable meaningful fulfilling fulfilled entry-level junior senior
    local office day full time part high paying paid more money happier happy less
    stressful rewarding secure interesting exciting fun nice any some bigger"""
)

# Becoming something: "be a nurse", "work as a data analyst", "retrain as a teacher".
BE_VERBS = _phrases(
    """be, become, work as, train as, retrain as, qualify as, requalify as, start as,
    go, turn, get hired as, be hired as, get promoted to, be promoted to"""
)
STATUS = _words("freelance self-employed part-time full-time")
ROLE_WORDS = _words(
    """analyst designer developer engineer manager teacher nurse researcher consultant coach
    writer scientist accountant lawyer solicitor barrister doctor therapist counsellor
    counselor psychologist architect programmer tester producer editor journalist
    copywriter marketer recruiter officer administrator assistant advisor adviser
    specialist technician planner strategist lead director head founder owner entrepreneur
    freelancer contractor trainer tutor lecturer professor midwife paramedic pharmacist
    physiotherapist physio chef baker electrician plumber carpenter gardener surveyor
    economist statistician actuary auditor bookkeeper secretary receptionist clerk
    librarian curator archivist illustrator photographer videographer animator artist
    musician actor translator interpreter mediator facilitator organiser organizer
    coordinator executive associate partner practitioner worker carer caregiver assessor
    inspector investigator detective pilot driver instructor scrum master owner steward
    ux ui pm po cto ceo cfo vp ops hr"""
)
ROLE_SUFFIXES = ("ist", "ian", "er", "or", "eer", "ant", "ent")
NOT_ROLES = _words(
    """better bigger greater faster stronger happier calmer clearer older younger person
    member user version order other number power career paper letter cover corner matter
    water computer summer winter november december october september centre center
    content present parent"""
)
COMPARATIVES = _words(
    """better more less happier healthier calmer stronger braver bolder clearer wiser
    fitter richer greater bigger best most least harder smarter faster longer higher"""
)

# Moving between fields: specific when the field is named and is not "tech" in general.
MOVE_PHRASES = _phrases(
    """move into, move to, get into, break into, transition into, transition to, switch to,
    switch into, pivot to, pivot into, work in, work at, work for, work within, change to, change into, go into, cross over to,
    cross into, step into, make the move into, make the switch to, make the jump to,
    jump into, get back into, return to, go back to, move over to"""
)
BROAD = _words(
    """tech technology industry industries field fields sector sectors area areas world
    space something else new different another career careers path direction line"""
)
# Where one can go back to without saying what for: "go back to university".
MOVE_VAGUE = _words("university uni college school education studying study work")
# Broad on their own, but enough to say which meetup or course: "a tech meetup".
TOPIC_MODIFIERS = _words("tech technology digital creative")
# Beginnings: "start a business" has no finish line unless the thing is named.
BEGIN_VERBS = _words("start begin open")

# Objects that say nothing concrete about what will be done.
VAGUE_NOUNS = _words(
    """thing things stuff something anything everything nothing it this that myself
    someone somebody anyone anybody abroad away somewhere elsewhere work-life step steps
    yourself me life career careers future option options opportunity opportunities
    direction purpose passion passions path way ways skill skills skillset confidence
    mindset knowledge experience change changes balance happiness wellbeing well-being
    motivation progress success clarity idea ideas goal goals what where how why who
    which whether level game self situation prospects potential strengths weaknesses
    habits network networking contacts connections growth development journey
    self-esteem resilience focus discipline energy presence brand visibility
    tech technology industry field sector area world space stuff lot lots bit more
    better best work think"""
)
# Nouns that need a qualifier, a count or "the/my" before they say which one.
GENERIC_NOUNS = _words(
    """job jobs role roles position positions post posts course courses class classes
    book books event events people person project projects business fair fairs
    conference conferences seminar seminars bootcamp bootcamps
    company companies employer employers application applications interview interviews
    certificate certificates certification certifications qualification qualifications
    degree degrees diploma training program programme programs programmes plan plans
    list lists money income time hours client clients customer customers meetup meetups
    workshop workshops webinar webinars article articles video videos offer offers
    opportunity opening openings vacancy vacancies contract contracts gig gigs placement
    internship internships apprenticeship apprenticeships profile language languages
    exam exams test tests hobby hobbies volunteering charity group groups community
    communities organisation organisations organization organizations side hustle
    app apps tool tools retreat retreats trip trips holiday holidays break breaks"""
)
# Words that carry no content in an object: determiners, pronouns, vague modifiers.
FUNCTION = _words(
    """a an the my our your his her their its this that these those some any more most much
    many few lot lots of in on at for with about as from into to by own new better good
    great real right other another different next few several couple bit little least all
    each every both either i me we us you he she they them it is be am are was were been
    being have has had do does did so very really quite just also only even still such
    and or but if then than too not no yes up out over under again further once twice
    there here when where how why what which who whom whose while because until before
    after during per via just ever never always often maybe perhaps probably possibly
    clear clearer proper properly general overall various certain particular specific
    specifically actual actually basic basics fundamentals way kind sort type towards toward
    around across through without within between among near onto upon off down back again
    away along beyond behind like instead rather"""
)
# Plurals that look singular to the analysis and words ending in "s" that are not plurals.
NOT_PLURAL = _words(
    """news series analytics statistics economics physics maths mathematics politics aws
    css js ios sales business process status campus bus focus success class boss glass
    access address progress ux basics"""
)

# Irregular verb forms, so "I will have written" finds "write".
IRREGULAR = {
    "went": "go", "gone": "go", "goes": "go", "got": "get", "gotten": "get", "made": "make",
    "built": "build", "written": "write", "wrote": "write", "taken": "take", "took": "take",
    "spoken": "speak", "spoke": "speak", "done": "do", "did": "do", "does": "do", "met": "meet",
    "sent": "send", "found": "find", "became": "become", "begun": "begin", "began": "begin",
    "left": "leave", "won": "win", "paid": "pay", "sat": "sit", "chosen": "choose",
    "chose": "choose", "given": "give", "gave": "give", "ran": "run", "learnt": "learn",
    "led": "lead", "kept": "keep", "spent": "spend", "told": "tell", "bought": "buy",
    "thought": "think", "taught": "teach", "sold": "sell", "drew": "draw", "drawn": "draw",
    "is": "be", "am": "be", "are": "be", "was": "be", "were": "be", "been": "be",
    "being": "be", "has": "have", "had": "have", "having": "have", "'m": "be",
}  # fmt: skip

# Verbs the analysis knows, beyond the lists above, so it can find the action in a goal.
KNOWN_VERBS = _words(
    """apply talk speak meet call phone ring email message text contact reach ask interview
    visit attend go join sign register enrol enroll book schedule arrange organise organize
    host run lead present pitch give write draft rewrite edit update revise finish complete
    pass submit send publish post share launch release ship build create make design code
    record film set open take sit read watch listen prepare map list identify choose pick
    select decide compare shortlist save pay earn raise negotiate request secure land win
    get obtain gain achieve hire buy move relocate quit resign leave hand tell discuss review
    audit track log document compile collect gather connect follow respond reply answer
    tailor customise customize translate convert clean reorganise declutter plan outline
    sketch test pilot prototype deliver conduct do find put add remove delete replace
    upload download print frame redo redesign refresh revamp overhaul restructure reframe
    rehearse role-play roleplay present teach mentor coach volunteer shadow invite thank
    introduce recommend write-up cut reduce stop quit drop cancel sell negotiate earn
    calculate budget invoice file claim renew apply pay clear finalise finalize confirm
    accept decline shortlist rank rate score sit retake graduate qualify enter compete
    perform exhibit display showcase network study learn practise practice research
    volunteer keep maintain save train follow monitor journal blog meditate use spend help
    support contribute engage freelance work look search hunt seek browse explore improve
    be become have start begin continue try manage"""
)

# Done words: a goal that ends in one of these has a finish line.
DONE_STATES = _words(
    """certified qualified hired promoted accepted published chartered accredited licensed
    registered enrolled employed fluent self-employed signed offered shortlisted"""
)
FIRST_OUTCOMES = _words(
    """client customer job sale paid freelance interview offer contract role gig project
    talk article post commission order booking paycheck payslip invoice course class
    placement shift day hire"""
)

# Verbs with the small word that belongs to them: "talk to", "sign up for", "set up".
VERB_PARTICLES = _phrases(
    """talk to, talk with, speak to, speak with, reach out to, sign up for, sign up to,
    sign up, apply for, apply to, look for, search for, hunt for, go to, set up, hand in,
    pay off, follow up with, follow up on, follow up, connect with, meet with, meet up with,
    write up, listen to, catch up with, ask for, get in touch with, put together, fill in,
    fill out, map out, write down, carry out, check in with, volunteer at, volunteer for,
    volunteer with, enrol in, enrol on, enroll in, register for,
    register with, sit in on, take part in, participate in, save up for, save up, save for,
    write to, send off, send out, reply to, respond to, chat with, chat to, network with,
    get feedback, get certified, get hired, get promoted, get accepted, get published,
    get qualified, get chartered, get licensed, get registered, sign on, settle on,
    decide between, decide on, decide whether, decide which, choose between, pick between,
    attend to, sign off, log on, finish off, reach out, speak at, present at,
    apply at, move on, open up, take on, go on, get back in touch with"""
)

# Amounts left open: "some experience", "money from my photography" have no finish line.
OPEN_AMOUNT = _words("some more any lots plenty much enough extra additional every each all")
# Light verbs: with "better" or "more" they name a direction ("make my portfolio better").
LIGHT_VERBS = _words("make get keep have do be take")
MASS_NOUNS = _words(
    """money experience time feedback knowledge exposure income cash savings
    support advice information help confidence"""
)
IRREGULAR_PLURALS = _words("people folk children men women staff")

# Activities that are concrete without an object: "start running", "journal every night".
INTRANSITIVE_ACTIVITIES = _words(
    "run swim cycle jog walk meditate journal blog code freelance exercise"
)
# Adjectives that describe a feeling or a direction rather than a thing.
VAGUE_ADJECTIVES = _words(
    """creative positive confident happy healthy fit successful stable organised organized
    productive motivated visible settled fulfilled balanced calm relaxed focused clear
    interesting exciting meaningful fulfilling rewarding nice proper secure independent
    valued appreciated respected engaged inspired present assertive resilient online short
    concrete small big tangible real actual"""
)

# Making a start: concrete enough to be specific, but starting is not finishing.
BEGIN_PHRASES = _phrases(
    """make a start on, get started on, start on, start work on, begin work on, make a start with,
    get going on, kick off, try out, try my hand at, have a go at, give it a go"""
)
