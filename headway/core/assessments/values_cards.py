"""The value cards of the values card sort, written for Headway in our own words.

Each card pairs a value with one open question about how it shows up in the client's work
today. Keys are stored in responses and results, so they never change; the texts may be
polished (a completed result keeps the name and question it was scored with).

The order mixes work and life values on purpose: the deck is dealt in this order, and a run
of similar cards would nudge the client to sort them alike.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ValueCard:
    key: str
    name: str
    description: str  # one line: what the value means, in the first person
    question: str  # an open question about how it shows up in the client's work today

    @property
    def phrase(self) -> str:
        """The name as it reads mid-sentence ("family time")."""
        return self.name.lower()


CARDS: tuple[ValueCard, ...] = (
    ValueCard(
        "autonomy",
        "Autonomy",
        "Deciding for myself how I do my work",
        "Where in your work today do you decide how things get done, and where does someone "
        "else decide?",
    ),
    ValueCard(
        "family",
        "Family time",
        "Being around for the people closest to me",
        "When were you last fully present with your family, and what did your work have to do "
        "with it?",
    ),
    ValueCard(
        "creativity",
        "Creativity",
        "Making new things, or finding new ways to do them",
        "When did you last make something new at work, and what made room for it?",
    ),
    ValueCard(
        "security",
        "Security",
        "Knowing my job and income will still be there",
        "What makes your working life feel steady today, and what unsettles it?",
    ),
    ValueCard(
        "helping",
        "Helping others",
        "Making a direct difference in people's lives",
        "Whose day is better because of your work, and how do you come to know it?",
    ),
    ValueCard(
        "nature",
        "Nature",
        "Time outdoors, close to the living world",
        "How much of your working week brings you near the outdoors or the living world?",
    ),
    ValueCard(
        "learning",
        "Learning",
        "Growing what I know and can do",
        "What have you learned in the last few months, and where did that learning happen?",
    ),
    ValueCard(
        "income",
        "Income",
        "Earning enough for the life I want",
        "What would 'enough' look like for you, and how does your pay today compare?",
    ),
    ValueCard(
        "balance",
        "Balance",
        "Keeping room for a full life outside work",
        "How much of your week is left for life outside work, and how does that sit with you?",
    ),
    ValueCard(
        "recognition",
        "Recognition",
        "Having my contribution seen and appreciated",
        "Who notices your work today, and what kind of appreciation means most to you?",
    ),
    ValueCard(
        "adventure",
        "Adventure",
        "Stepping into the new, the unknown, the risky",
        "Where does your work still take you somewhere unfamiliar?",
    ),
    ValueCard(
        "spirit",
        "Faith or spirit",
        "Living in step with my faith or inner life",
        "How does your faith or inner life show up in the way you spend your working days?",
    ),
    ValueCard(
        "influence",
        "Influence",
        "Shaping decisions and where things are heading",
        "Which decisions do you shape today, and which would you like a say in?",
    ),
    ValueCard(
        "craft",
        "Craft",
        "Doing things carefully and well, for their own sake",
        "Where do you get to take real care over the quality of what you make or do?",
    ),
    ValueCard(
        "community",
        "Community",
        "Belonging to, and giving to, a wider circle",
        "Which community does your work connect you with, and what do you give each other?",
    ),
    ValueCard(
        "health",
        "Health",
        "Looking after my body and mind",
        "What does your work do to your energy, sleep and health in a typical week?",
    ),
    ValueCard(
        "leading",
        "Leading people",
        "Guiding a group and helping it do its best",
        "Who looks to you for direction today, and what do you enjoy or resist in that?",
    ),
    ValueCard(
        "focus",
        "Focus",
        "Long, uninterrupted stretches of concentration",
        "When did you last have a few hours without interruption, and what did you do with them?",
    ),
    ValueCard(
        "teamwork",
        "Teamwork",
        "Working closely with others toward a shared aim",
        "Which people do you do your best work alongside, and how often does that happen now?",
    ),
    ValueCard(
        "flexibility",
        "Flexibility",
        "Choosing when and where I work",
        "How much say do you have over your hours and your place of work?",
    ),
    ValueCard(
        "challenge",
        "Challenge",
        "Hard problems that stretch what I can do",
        "What is the hardest problem on your plate, and does it give you energy or take it?",
    ),
    ValueCard(
        "fairness",
        "Fairness",
        "Everyone being treated justly and equally",
        "Where do you see fairness, or its absence, in your workplace today?",
    ),
    ValueCard(
        "variety",
        "Variety",
        "Different tasks, people and places from day to day",
        "How different is one working day from the next for you right now?",
    ),
    ValueCard(
        "place",
        "Place",
        "Living where I want to live",
        "How much does your work decide where you live, and is that where you want to be?",
    ),
    ValueCard(
        "achievement",
        "Achievement",
        "Seeing clear results from my effort",
        "How do you know, at the end of a week, that you achieved something?",
    ),
    ValueCard(
        "integrity",
        "Integrity",
        "Acting in line with what I believe is right",
        "When did your work last ask you to act against what you believe, and what happened?",
    ),
    ValueCard(
        "friendship",
        "Friendship",
        "Warm relationships with the people I work with",
        "Who at work would you call a friend, and how did that come about?",
    ),
    ValueCard(
        "prestige",
        "Prestige",
        "Doing work that others look up to",
        "Whose respect matters to you, and what do they make of the work you do?",
    ),
    ValueCard(
        "leisure",
        "Leisure",
        "Time for hobbies and interests of my own",
        "Which interests outside work have you had time for this month?",
    ),
    ValueCard(
        "purpose",
        "Purpose",
        "Work that serves something bigger than me",
        "What larger aim does your work serve, put in your own words?",
    ),
    ValueCard(
        "structure",
        "Structure",
        "Clear expectations and a dependable routine",
        "How clear is it, most days, what is expected of you?",
    ),
    ValueCard(
        "travel",
        "Travel",
        "Seeing other places and cultures",
        "How much does your work take you to other places, and how much would you like it to?",
    ),
    ValueCard(
        "expertise",
        "Expertise",
        "Being known as someone who knows their field deeply",
        "What do people come to you for, and is it what you want to be known for?",
    ),
    ValueCard(
        "fun",
        "Fun",
        "Humour, play and enjoyment in what I do",
        "When did you last laugh at work, and what was going on?",
    ),
    ValueCard(
        "sustainability",
        "Sustainability",
        "Caring for the planet for those who come after",
        "How does your work touch the natural world, for better or for worse?",
    ),
    ValueCard(
        "competition",
        "Competition",
        "Testing myself against others",
        "Where, if anywhere, do you get to measure yourself against others at work?",
    ),
    ValueCard(
        "calm",
        "Calm",
        "A steady, low-pressure working day",
        "How often does your working day feel calm, and what tends to disturb it?",
    ),
    ValueCard(
        "teaching",
        "Teaching",
        "Passing on what I know to others",
        "Who have you helped learn something lately, and what did that give you?",
    ),
    ValueCard(
        "beauty",
        "Beauty",
        "Surroundings and work that please the senses",
        "What in your working surroundings, or in the work itself, do you find beautiful?",
    ),
    ValueCard(
        "responsibility",
        "Responsibility",
        "Being trusted with things that matter",
        "What are you trusted with today that matters to you?",
    ),
    ValueCard(
        "tradition",
        "Tradition",
        "Honouring customs and ways handed down to me",
        "Which traditions do you keep, and how much room does your work leave for them?",
    ),
    ValueCard(
        "excitement",
        "Excitement",
        "A fast, lively pace with plenty happening",
        "Which parts of your work get your pulse up, and how often do they come round?",
    ),
    ValueCard(
        "curiosity",
        "Curiosity",
        "Digging into ideas to understand how things work",
        "What question have you chased at work recently just because you wanted to know?",
    ),
    ValueCard(
        "inclusion",
        "Inclusion",
        "Being among people of many backgrounds, where everyone belongs",
        "Who is in the room where you work, and who is missing from it?",
    ),
    ValueCard(
        "ownership",
        "Ownership",
        "Starting and running something of my own",
        "What have you built or run at work that feels truly yours?",
    ),
    ValueCard(
        "self_expression",
        "Self-expression",
        "Bringing my own style and whole self to work",
        "How much of who you are outside work can you bring into it?",
    ),
    ValueCard(
        "legacy",
        "Legacy",
        "Leaving something lasting behind",
        "What from your work do you hope will still be there in twenty years?",
    ),
)

CARDS_BY_KEY: dict[str, ValueCard] = {card.key: card for card in CARDS}
