"""Sport: football and rugby clubs in fictional towns."""
from vocab import lines, PLACES

TOPIC = "sport"

SPORTS = {
    "football": {
        "suffixes": ["Rovers", "Athletic", "City", "United", "Town", "Wanderers", "Albion"],
        "unit": "goal", "units": "goals",
        "positions": ["striker", "midfielder", "goalkeeper", "centre-back", "winger", "full-back"],
        "coach": "manager",
        "comps": ["the Premier Division", "the Harbour Cup", "the Northern League", "the Champions Shield"],
    },
    "rugby": {
        "suffixes": ["RFC", "Warriors", "Saints", "Pirates", "Falcons", "Raiders"],
        "unit": "try", "units": "tries",
        "positions": ["fly-half", "winger", "lock", "scrum-half", "full-back", "hooker"],
        "coach": "head coach",
        "comps": ["the Championship", "the Coastal Shield", "the Premiership Cup", "the National League"],
    },
}

POOLS = {
    "venue": lines("""
        Marsh Lane
        the Ropeworks Ground
        Kingfisher Park
        the Old Quarry
        Brackenfield Road
        the Lantern Stadium
        Gull Street
    """),
    "sponsor": lines("""
        Tallis Freight
        Orchard Row Brewing
        Petrel Airways
        Dunlin Insurance
    """),
}

ROLES = {
    "p1": lines("""
        the {team} {coach}
        the {coach} of {team}
    """),
    "p2": lines("""
        the {team} captain
        the {team} {pos}
        the {team} vice-captain
    """),
    "p3": lines("""
        the {team2} {coach}
        the {team2} {pos2}
        a former {team} {pos2}
    """),
}


def _ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suffix)


def derive(ents, rng):
    sport = rng.choice(sorted(SPORTS))
    s = SPORTS[sport]
    ents["sport"] = sport
    places = rng.sample(PLACES, 2)
    ents["team"] = places[0] + " " + rng.choice(s["suffixes"])
    ents["team2"] = places[1] + " " + rng.choice(s["suffixes"])
    ents["unit"] = s["unit"]
    ents["units"] = s["units"]
    ents["coach"] = s["coach"]
    pos = rng.sample(s["positions"], 2)
    ents["pos"], ents["pos2"] = pos
    comps = rng.sample(s["comps"], 2)
    ents["comp"], ents["comp2"] = comps
    if sport == "football":
        a = rng.randint(1, 4)
        b = rng.randint(0, a - 1)
        ents["minute"] = _ordinal(rng.randint(55, 89))
    else:
        a = rng.randint(18, 41)
        b = rng.randint(6, a - 3)
        ents["minute"] = _ordinal(rng.randint(52, 78))
    ents["score"] = "%d-%d" % (a, b)
    ents["points"] = str(rng.randint(24, 71))
    ents["played"] = str(rng.randint(12, 30))
    ents["position"] = rng.choice(["second", "third", "fourth", "fifth", "sixth", "seventh"])
    ents["crowd"] = "{:,}".format(rng.randint(4, 38) * 1000 + rng.randint(0, 999))


STORIES = {
    "match": lines("""
        [win] {team} beat {team2} to go top of {comp} || {team} moved to the top of {comp} with a {score} win over {team2} at {venue} on {day}.
        [win] Late {unit} earns {team} victory over {team2} || A {unit} in the {minute} minute gave {team} a {score} victory over {team2} in front of a crowd of {crowd} at {venue}.
        [win,cup] {team} reach final of {comp} after beating {team2} || {team} reached the final of {comp} for the first time in {n_word} years after a {score} semi-final win against {team2} on {day}.
        [win] {team} end losing run with win over {team2} || {team} ended a run of {n_word} straight defeats with a hard-fought {score} win against {team2} at {venue}.
        [win] {p2s} stars as {team} thrash {team2} || {p2} was the outstanding player on the field as {team} beat {team2} {score} on {day} to climb to {position} in {comp}.
        [win] Ten-man {team} hold on to beat {team2} || {team} survived a red card and a second-half fightback to beat {team2} {score} at {venue} on {day}.
    """),
    "club": lines("""
        [sack] {team} sack {coach} {p1s} after poor start || {team} have dismissed their {coach}, {p1}, after a run of results that left the club {position} from bottom of {comp}.
        [signing] {team} sign {pos} from {team2} in club-record deal || {team} have signed the {team2} {pos} {p2} for a club-record fee reported to be {money}, the club announced on {day}.
        [injury] {team} captain {p2s} ruled out for season with knee injury || {team} captain {p2} will miss the rest of the season after scans confirmed a serious knee injury sustained in training on {day}.
        [stadium] {team} unveil plans for new {crowd}-seat stadium || {team} have unveiled plans for a new stadium on the edge of {place2}, which the club says would hold {crowd} spectators and open within four years.
        [fine] {team} fined over crowd trouble at {team2} match || {team} have been fined {money_k} by the league after fans threw objects onto the field during their match against {team2} last month.
    """),
}

DEKS = lines("""
    [win] The result leaves {team2} facing an anxious end to the season
    [win] Supporters stayed long after the final whistle to celebrate
    [sack,signing,stadium] The club say the decision was made in the long-term interests of the team
    [win] It was a night of firsts at {venue}
    [win] The {coach} called it the best performance of the season
    [win,injury,fine] Attention now turns to next week's meeting with {team2}
""")

BODY = {
    "match": lines("""
        {team} took the lead midway through the first half when {p2} finished a flowing move down the left.
        {team2} had the better of the early exchanges and struck the woodwork twice in the opening {n_word} minutes.
        The visitors were reduced to chasing the game after a defensive mix-up gifted {team} a second {unit}.
        {team2} pulled one back shortly after half-time, but {team} restored their advantage with a well-worked {unit} on the hour.
        The win lifts {team} to {points} points, {n_word} clear of their nearest rivals with {n_word} matches remaining.
        The home side's defence held firm through a frantic final ten minutes as {team2} pushed for an equaliser.
        The referee waved away strong appeals from the visitors after a collision in the area just before the break.
        {team} have now won {n_word} of their last {num} matches in all competitions.
        A crowd of {crowd}, the largest at {venue} this season, saw the home side dominate possession.
        {p2} was replaced in the {minute} minute to a standing ovation from the home supporters.
        The {pos} had earlier been booked for a late challenge that angered the visiting bench.
        Heavy rain before kick-off left the surface slick, and both sides struggled to keep hold of the ball.
        The defeat leaves {team2} {position} in the table and under growing pressure.
        It was the first time {team} had scored more than twice at {venue} since the opening weekend of the season.
    """),
    "club": lines("""
        [sack] The club's board said the decision had been taken after a review of the team's performances this season.
        [sack] An assistant coach will take charge of the first team on an interim basis while the club searches for a permanent replacement.
        [sack] {p1} was appointed in the summer of {past_year} and led the side to promotion in the first full season.
        [signing] The fee is believed to include add-ons linked to appearances and trophies.
        [signing] The {pos} has signed a contract that runs until the summer of {future_year}, with the option of a further year.
        [injury] Scans confirmed damage to the ligaments, and surgery is expected to take place next week.
        [injury] The club's medical staff said a full recovery could take between {n_word} and {num} months.
        [stadium] The proposed stadium would include a training centre, a hotel and space for community sport.
        [stadium] Planning documents submitted to the council in {place2} show a sweeping roof and a single-tier stand behind one goal.
        [fine] The league's disciplinary panel said the club had failed to take adequate steps to prevent the disorder.
        [stadium,sack,fine] Supporters' groups have demanded clarity about the club's finances after reported losses of {money} last year.
        [stadium,sack,signing] The club's owners, a consortium led by local businesspeople, bought {team} in {past_year}.
        [signing] The signing is the club's latest arrival in a busy transfer window.
        [sack] The club were {position} from bottom of the table when the decision was made.
        [sack] Several senior players are understood to have been consulted by the board before the announcement.
        [signing] The {pos} scored {n_word} {units} in {num} appearances for {team2} last season.
        [signing] The player passed a medical at the club's training ground on {day} before signing.
        [injury] The club are expected to look for a replacement when the transfer window reopens.
        [injury] It is the second serious injury the player has suffered in three seasons.
        [stadium] The club have played at {venue} for more than a century, but say it is no longer fit for purpose.
        [stadium] Residents living near the proposed site have raised concerns about traffic and parking.
        [fine] The club have {n_word} weeks to decide whether to appeal against the decision.
        [fine] Stewards ejected several supporters during the match, and police made {n_word} arrests.
        [fine] The club said it would ban any supporter found responsible for the disorder.
    """),
    "any": lines("""
        {team} are {position} in {comp} with {points} points from {played} matches.
        The club have not won a major trophy since {past_year}.
        {team} travel to {team2} next, in what is expected to be a sell-out fixture.
        Injuries have disrupted the squad all season, with at least {n_word} first-team players currently unavailable.
        The fixture was shown live on television and attracted one of the biggest audiences of the season.
        {team} were relegated {n_word} seasons ago and have spent heavily to return to the top flight.
        Season ticket sales have risen by {pct_int} per cent since the summer, according to the club.
        The {coach} has been praised for giving chances to young players from the club's academy.
        {team2} finished {position} last season and had hoped to challenge for the title this year.
        Ticket prices at {venue} have been frozen for the third season running.
        The two clubs have met {num} times in league matches, with the honours shared almost evenly.
    """),
}

QUOTES = lines("""
    "We are not finished," {p1} said.
    [win] "I'm proud of every one of them. They ran until they had nothing left," {p1r} said.
    [win] "We made it hard for ourselves, but a win is a win," said {p2}.
    [win] "It's a tough one to take, but there is a lot of football left," {p3r} said.
    [win] "The supporters deserve nights like this," {p1} said.
    [win] "The lads showed real character after the break," {p1r} told reporters.
    [signing,win] "I've dreamed about playing here since I was a kid," {p2r} said.
    [win] "Nobody is getting carried away. We go again on {day}," said {p1}.
    [win] {p1} described the performance as "the most complete of the season".
    [win] "You don't get anything for playing nicely," {p3r} said. "We were too soft in the big moments."
    [injury] "It's a massive blow, for me and for the club, but I'll be back stronger," {p2} said.
    [sack,signing] "The board has been very clear about what it expects, and so have I," {p1r} said.
    [win,stadium] "That was the best atmosphere I have known at {venue}," {p2r} said.
    [sack] "Football is a results business, and the results were not good enough," a club statement said.
    [fine] "A small minority let the whole club down," {p1r} said.
    [stadium] "This is about the next hundred years of this club," {p1r} said.
""")

CLOSES = lines("""
    [win] {team} host {team2} in the return fixture next month.
    [cup] The final will be played at {venue} in {month}.
    {team} are back in action on {day}.
    [sack] The club said it would make no further comment until a new {coach} is appointed.
    [win] {team2} face a crucial home match against the league leaders next weekend.
    [signing,injury] The transfer window closes at the end of {month}.
    [injury] The player is expected to have surgery next week.
    [stadium,fine] The club will respond formally next month.
""")

CAPTIONS = lines("""
    [win] {p2} celebrates scoring for {team} against {team2}
    [win] {team} players acknowledge the travelling supporters
    {p1} watches from the touchline at {venue}
    A general view of {venue} before kick-off
    [win] {team2} players react at the final whistle
    [stadium] An artist's impression of the proposed stadium
    [sack,signing,injury] {p1} at the club's training ground
""")

TAGS = ["Football", "Rugby", "Transfers", "Match report", "Injuries", "Fixtures"]
TAG_SLOTS = ["team", "comp"]
