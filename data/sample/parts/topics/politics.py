"""Domestic politics: parliament, parties, budgets, campaigns."""
from vocab import lines

TOPIC = "politics"

POOLS = {
    "party": lines("""
        the Civic Alliance
        the Progress Party
        the National Renewal Party
        the Social Democratic League
        the Green Commonwealth Party
        the Liberal Centre
        the Workers' Forum
    """),
    "bill": lines("""
        the Rental Homes Bill
        the Clean Rivers Bill
        the Local Transport Bill
        the Schools Funding Bill
        the Energy Security Bill
        the Digital Identity Bill
        the Policing Standards Bill
        the Care Workers Bill
    """),
    "policy": lines("""
        housing
        public transport
        schools
        energy
        policing
        social care
        water
        childcare
    """),
    "ministry": lines("""
        the Ministry of Housing
        the Treasury
        the Interior Ministry
        the Education Department
        the Transport Ministry
        the Department for Communities
    """),
    "pollster": lines("""
        Fairmont Research
        Pollwise
        the Civic Survey Unit
        Tally & Co
        Northgate Opinion
    """),
}

ROLES = {
    "p1": lines("""
        the minister responsible for {policy}
        the prime minister
        the finance minister
        the interior minister
        the deputy prime minister
    """),
    "p2": lines("""
        the leader of the opposition
        the spokesperson on {policy} for {party2}
        the deputy leader of {party2}
        the chief whip of {party2}
    """),
    "p3": lines("""
        a backbench MP for {place}
        a political scientist at the University of {place2}
        a former cabinet minister
        the chair of the public accounts committee
    """),
}

STORIES = {
    "parliament": lines("""
        [vote] Government wins vote on {bill} despite backbench revolt || The government won a crucial vote on {bill} late on {day}, despite {num} of its own MPs voting against the measure or abstaining.
        [vote,defeat] {bill} defeated in parliament by {num} votes || {bill} was defeated in parliament on {day} by {num} votes, dealing a significant blow to the government's legislative programme.
        [crossparty] MPs back cross-party plan on {policy} reform || MPs from across parliament have backed a plan to overhaul {policy}, in a rare show of cross-party agreement.
        [vote,disorder] Speaker suspends sitting after heated exchanges over {bill} || The speaker suspended a sitting of parliament on {day} after angry exchanges between ministers and opposition MPs during a debate on {bill}.
        [committee] Committee criticises {ministry} over missed targets || A powerful parliamentary committee has accused {ministry} of missing {n_word} of its key targets and failing to explain how {money} had been spent.
    """),
    "campaign": lines("""
        [poll] {party} takes lead in new poll ahead of election || {party} has moved into a {n_small}-point lead in the latest opinion poll, its strongest position since the last general election.
        [byelection] By-election in {place} seen as test for {party} || Voters in {place} will go to the polls on {day} in a by-election that both main parties regard as a test of public opinion ahead of next year's general election.
        [manifesto] Opposition unveils manifesto pledges on {policy} and taxes || {party2} launched its manifesto on {day} with promises to cut taxes for low earners and raise spending on {policy}.
        [coalition] Coalition talks stall as parties clash over {policy} || Coalition negotiations between {party} and {party2} stalled on {day} after the two sides failed to agree on {policy} funding.
        [leadership] {p1s} launches leadership bid with promise to unite party || {p1} formally launched a bid for the party leadership on {day}, promising to heal divisions that have dogged the party since its defeat at the last election.
    """),
    "government": lines("""
        [scandal] {p1s} faces calls to resign over {policy} spending row || {p1} is facing calls to resign after it emerged that {ministry} had overspent its {policy} budget by {money} without informing parliament.
        [scandal,contracts] Opposition demands inquiry into {policy} contracts || Opposition parties have called for an independent inquiry into how {ministry} awarded contracts worth {money} for {policy} projects.
        [budget] Budget: {p1s} promises {money_bn} for {policy} over four years || The finance minister set out plans on {day} to spend {money_bn} on {policy} over the next four years, in a budget statement dominated by warnings about public debt.
        [memo] Minister apologises after leaked memo on {policy} || A government minister apologised on {day} after a leaked memo suggested officials had played down the cost of changes to {policy}.
        [reshuffle] Prime minister reshuffles cabinet as {p1s} promoted || The prime minister carried out a wide-ranging cabinet reshuffle on {day}, promoting {p1} and moving several senior ministers to new departments.
    """),
}

DEKS = lines("""
    [vote] Party whips spent the night trying to win over wavering backbenchers
    [vote,byelection] The result leaves the government with a difficult choice before the summer recess
    [budget,crossparty,manifesto] Critics say the plan is underfunded and arrives too late
    [byelection,poll] Both main parties are treating the contest as a rehearsal for the general election
    [memo,scandal] Ministers insist the policy will survive the latest setback
    [leadership,reshuffle,coalition] The changes mark the most significant shift at the top of the party in years
    [scandal,memo,committee] Opposition leaders say the public deserves a full explanation
""")

BODY = {
    "parliament": lines("""
        [vote] Government whips had spent much of the week meeting rebel backbenchers in an effort to secure their support.
        [vote] The legislation would give ministers new powers over {policy} and require an annual report to parliament.
        [vote] Several MPs who voted against the government said constituents had contacted them in large numbers.
        [vote] The opposition said the vote showed that the prime minister had lost control of the party.
        [defeat] Under parliamentary rules, the bill can be reintroduced in a revised form in the next session.
        [crossparty] Under the cross-party plan, an independent commission would review {policy} funding every {n_word} years.
        [committee] The committee's report said officials had failed to keep adequate records of how decisions were made.
        [committee] {ministry} said it accepted most of the committee's recommendations and was already acting on them.
        [disorder,vote] Opposition MPs repeatedly interrupted the minister during a tense session of questions in the chamber.
        [disorder] The speaker warned members that further disorder would lead to the sitting being suspended.
        [vote,crossparty] Backbenchers on the left of the party have complained that they were not consulted on the final text.
        [vote] Amendments tabled by rebel MPs would have delayed the main provisions until after the next election.
        [vote,crossparty] The bill now moves to the upper chamber, where the government does not have a majority.
        [defeat] Government sources said ministers had underestimated the scale of opposition on their own benches.
        [defeat] It is the first defeat on a flagship bill that the government has suffered since taking office.
        [disorder] Several members were ordered to leave the chamber for the rest of the day.
        [crossparty] The plan was drawn up by a working group of MPs from all the main parties.
        [committee] Committee members said they had been given incomplete answers by senior officials.
    """),
    "campaign": lines("""
        [poll] The poll of {big} adults, conducted by {pollster}, put {party} on {pct_int} per cent and {party2} on {pct_int2} per cent.
        [poll,byelection] Pollsters cautioned that a large share of voters remained undecided and that the margin of error was about {n_word} points.
        [byelection] The seat was vacated when the sitting MP stepped down in {month} to take up a role in local government.
        [byelection] At the last general election, the seat was held with a majority of {big}.
        [byelection] Campaigners from both main parties have been knocking on doors in {place} every weekend since the contest was called.
        [byelection] Local issues, including the closure of a maternity unit and the state of the roads, have dominated the campaign.
        [manifesto] The manifesto includes a pledge to recruit {big} additional staff over the course of the next parliament.
        [manifesto] The party has not yet said how the pledges would be paid for, prompting criticism from rivals.
        [coalition] Negotiators met for more than {n_word} hours on {day} before breaking off without a joint statement.
        [coalition] Senior figures in {party2} have insisted that any coalition agreement must include a binding commitment on {policy}.
        [byelection] Turnout at the last by-election in the region was just {pct_int} per cent.
        [manifesto,coalition,leadership] Party members will be asked to approve the policy at the annual conference in {place2} in {month}.
        [leadership] Candidates must secure nominations from at least {num} MPs by the end of the month to make the ballot.
        [leadership] The winner will be announced at a special conference in {month}.
        [leadership] At least {n_word} other senior figures are expected to enter the race.
        [poll] The same poll found that fewer than half of voters were satisfied with the government.
    """),
    "government": lines("""
        [budget] The budget also included a freeze on fuel duty and a modest increase in the state pension.
        [budget,manifesto] Independent economists said the spending plans depended on growth forecasts that many regarded as optimistic.
        [budget] The finance ministry's own figures show borrowing is expected to reach {money_bn} this year.
        [budget,crossparty,memo] Ministers have been under pressure to act since a report last year found that services in some regions were close to collapse.
        [memo] The leaked memo, first reported by a Sunday newspaper, suggested that officials had warned ministers about the cost of the scheme months earlier.
        [scandal,memo,reshuffle] The prime minister's spokesperson said the premier retained full confidence in {p1}.
        [reshuffle] The reshuffle saw {n_word} ministers leave government and several junior ministers promoted.
        [contracts] Opposition parties said the contracts had been awarded without a proper tendering process.
        [scandal,memo,contracts] The cabinet secretary has been asked to establish whether the ministerial code was broken.
        [memo] Civil servants were told to prepare detailed costings before the plans were announced, according to the memo.
        [scandal] The overspend was first identified by the national audit office in a report published in {month}.
        [contracts] A spokesperson for {ministry} said every contract had been checked by government lawyers.
        [reshuffle] Several of the new appointments were seen as rewards for loyalty during recent rebellions.
        [reshuffle] The changes were announced in a series of brief statements from the prime minister's office.
        [budget] Opposition parties said the measures did too little for families struggling with rising costs.
    """),
    "any": lines("""
        Parliament returns from its recess in {month}, when the issue is expected to come to a head.
        Political analysts said the coming weeks would be a test of the government's authority.
        The episode has been widely covered in the national newspapers and on political programmes.
        The government has a working majority of {num}, but recent rebellions have shown how fragile it can be.
        Councillors in {place} have written to the minister urging a rethink of the plans.
        The next general election must be held by the autumn of next year.
        Opinion polls have shown {policy} rising up the list of voters' concerns over the past year.
        The row comes at a difficult time for the government, which has trailed in the polls since the spring.
        Cross-party talks on the issue broke down twice last year amid disagreements over funding.
        Political commentators said the episode had exposed divisions at the top of the party.
        The opposition has promised to publish its own costed alternative before the party conference season.
        Members of the governing party's executive committee are due to meet on {day} to discuss the fallout.
        Campaign groups working on {policy} said they would continue to lobby MPs of all parties.
        Official figures published in {month} showed that spending on {policy} had fallen in real terms for {n_word} consecutive years.
    """),
}

QUOTES = lines("""
    [vote,crossparty] "This is the right bill at the right time," {p1r} told MPs.
    "The government has run out of ideas and is running out of friends," {p2r} said.
    "We are not finished," {p1} said.
    [vote,defeat] "I did not come into politics to vote for something I cannot defend on the doorstep," {p3r} said.
    "Voters are tired, and they are not in a forgiving mood," {p3r} said.
    [scandal,contracts,budget] "Every penny of this has been accounted for," {p1} insisted.
    [scandal,contracts,memo] "If the minister has nothing to hide, the minister should welcome an inquiry," {p2} said.
    [budget] {p2} described the budget as "a set of promises written in disappearing ink".
    "We will listen, we will learn, and we will get on with the job," {p1r} said.
    [byelection,poll] "It is a two-horse race now, and both horses are tired," said a veteran party organiser in {place}.
    [poll,defeat,reshuffle,scandal,leadership] Asked whether the leadership was safe, {p3} said: "For now, yes. Ask me again in {month}."
    [byelection] "People here feel forgotten," said a voter outside a polling station in {place}. "They want someone to notice."
    [leadership,coalition,manifesto] "We have a better offer for this country, and we are going to make it," {p1r} said.
    "The public will not forgive a party that puts its own squabbles first," {p2r} told a rally in {place2}.
    "There is no plan B, because plan A is working," said {p1}.
""")

CLOSES = lines("""
    [vote,crossparty] The bill returns to parliament for its final stages next month.
    [byelection] The count is due to begin shortly after polls close at ten o'clock.
    [committee] {ministry} has been given {n_word} weeks to respond formally to the committee's findings.
    [coalition] Coalition talks are expected to resume after the weekend.
    [poll] The next opinion poll from {pollster} is due at the end of {month}.
    [coalition] Neither party would comment on the timetable for a deal.
""")

CAPTIONS = lines("""
        The parliament building at dusk
    {p1} leaves a cabinet meeting on {day}
    [vote,defeat,crossparty,disorder] MPs queue to vote in parliament
    [byelection,manifesto,poll] Campaigners hand out leaflets in {place}
    {p2} addresses supporters at a rally in {place2}
    [vote,defeat,disorder,committee,crossparty] The debating chamber during a late sitting
""")

TAGS = ["Parliament", "Elections", "Budget", "Opinion polls", "Government", "Local government"]
TAG_SLOTS = ["party", "policy"]
