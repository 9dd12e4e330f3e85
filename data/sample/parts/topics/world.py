"""World news: fictional countries, diplomacy, conflict, elections abroad."""
from vocab import lines

TOPIC = "world"

COUNTRIES = {
    # name: (capital, demonym)
    "Valdoria": ("Santel", "Valdorian"),
    "Estmark": ("Rhosby", "Estmarker"),
    "Marovia": ("Velka", "Marovian"),
    "Kestria": ("Ardun", "Kestrian"),
    "Tavonia": ("Port Lirra", "Tavonian"),
    "Orlenia": ("Mesca", "Orlenian"),
    "Belmare": ("Calvet", "Belmarese"),
    "Saravel": ("Tiros", "Saravelan"),
    "Quessa": ("Quen", "Quessan"),
    "Lusmera": ("Oradel", "Lusmeran"),
    "Dravenia": ("Kovar", "Dravenian"),
    "Halvard": ("Stennet", "Halvardian"),
}

POOLS = {
    "country": sorted(COUNTRIES),
    "bloc": lines("""
        the Coastal Union
        the Northern Compact
        the Assembly of Nations
        the Inland Sea Council
        the Southern Trade Pact
        the Concord of Free Ports
    """),
    "agency": lines("""
        the Harbourlight Relief Fund
        the Common Food Programme
        the Open Hands Medical Corps
        the Refugee Assistance Mission
        the Red Lantern Society
    """),
    "thinktank": lines("""
        the Institute for Regional Affairs
        the Calvet Centre for Security Studies
        the Meridian Foreign Policy Forum
        the Stennet School of Diplomacy
        the Lirra Peace Research Institute
    """),
    "issue": lines("""
        the Orvel border crossings
        fishing rights in the Grey Strait
        grain export quotas
        water sharing on the Lisk river
        the status of the Varro islands
        the Kessar gas pipeline
        the return of seized cargo ships
    """),
    "province": lines("""
        the Halden province
        the Sarn valley
        the coastal district of Meloa
        the Korran highlands
        the Vell delta
        the frontier region of Drast
    """),
    "town": lines("""
        Ostrel
        Makari
        San Ilvo
        Bressa
        Tullan
        Kyros Bay
        Dovenna
        Hallik
    """),
}

ROLES = {
    "p1": lines("""
        the foreign minister of {country}
        the {demonym} prime minister
        {country}'s president
        the {demonym} interior minister
    """),
    "p2": lines("""
        the special envoy of {bloc}
        a spokesperson for {agency}
        the {demonym2} ambassador to {country}
        the head of mission for {agency}
    """),
    "p3": lines("""
        an analyst at {thinktank}
        a former {demonym} diplomat
        a professor of international relations at the University of {place}
        a senior fellow at {thinktank}
    """),
}


def derive(ents, rng):
    for key in ("", "2"):
        cap, dem = COUNTRIES[ents["country" + key]]
        ents["capital" + key] = cap
        ents["demonym" + key] = dem


STORIES = {
    "crisis": lines("""
        [fight] Thousands flee as fighting spreads in {province} || Thousands of people have fled their homes in {province} after fighting between government troops and armed groups spread to villages near the {demonym2} border, aid agencies said on {day}.
        [truce] Ceasefire holds in {province} for {n_word} days, monitors say || A ceasefire in {province} appeared to be holding on {day}, with international monitors reporting only scattered violations in the first {n_word} days of the truce.
        [aid] Aid convoys reach {province} after weeks of delay || The first aid convoy in nearly {num} weeks reached {province} on {day}, carrying food, water purification tablets and medical supplies for an estimated {big} displaced people.
        [flood] Floods displace thousands in {country} as rivers burst their banks || Heavy rains have displaced more than {big} people across {country}, with rivers bursting their banks in at least {n_word} provinces, the government's disaster agency said.
        [aid] Envoy warns of famine risk in {province} || A senior envoy warned on {day} that parts of {province} could face famine within months unless aid agencies are given safe access to the area.
        [refugee] {country} opens border crossings to returning refugees || {country} reopened {n_word} border crossings on {day} to allow refugees to return home, more than a year after the frontier was closed at the height of the fighting.
    """),
    "diplomacy": lines("""
        [talks] {country} and {country2} agree to resume talks on {issue} || Negotiators from {country} and {country2} agreed on {day} to resume talks on {issue}, ending a stalemate that has lasted more than {num} months.
        [summit] Summit ends without a deal on {issue} || Leaders meeting under the banner of {bloc} ended a two-day summit in {capital} without agreement on {issue}, exposing deep divisions among member states.
        [row] {country} recalls ambassador from {capital2} in row over {issue} || {country} has recalled its ambassador from {capital2} in an escalating diplomatic row over {issue}, the foreign ministry said in a statement on {day}.
        [sanctions] New sanctions target officials in {country2} || {bloc} announced a fresh round of sanctions against {country2} on {day}, targeting senior officials and state-owned shipping firms accused of breaching an arms embargo.
        [prisoners] Prisoner exchange between {country} and {country2} raises hopes of wider deal || {country} and {country2} exchanged {num} prisoners at a border crossing near {town} on {day}, in a deal brokered by {bloc}.
        [talks] Talks in {capital} falter as {demonym2} delegation walks out || Peace talks in {capital} were thrown into doubt on {day} when the {demonym2} delegation walked out of the conference hall less than an hour after the opening session.
    """),
    "election": lines("""
        [vote] Voters in {country} head to the polls in tightly fought election || Voters in {country} began casting ballots on {day} in a presidential election that opinion polls suggest is too close to call.
        [protest] {demonym} president survives confidence vote as protests continue || The {demonym} president narrowly survived a confidence vote in parliament on {day}, as thousands of protesters gathered outside the building for yet another night.
        [protest,detain] {demonym} opposition leader released after {num} days in detention || A prominent {demonym} opposition leader was released from detention on {day} after {num} days in custody, in a move diplomats said could ease tensions ahead of next year's election.
        [vote] Early results point to run-off in {country} || Early results from the presidential election in {country} suggest that no candidate has won an outright majority, setting the stage for a run-off vote next month.
    """),
}

DEKS = lines("""
    [truce] Diplomats say the coming week will decide whether the fragile truce can last
    [talks,prisoners] The agreement follows months of back-channel talks across the region
    [aid,fight,flood] Aid agencies warn that access remains limited and supplies are running short
    [row] Officials in {capital} insist the move is temporary, but neighbours are unconvinced
    [row,sanctions] The decision is likely to strain relations across the region
    [vote,protest,detain,summit] Observers describe the atmosphere in {capital} as tense but calm
    [refugee] Many of those returning say they have little left to go back to
    [fight] The violence is the worst the region has seen in years
""")

BODY = {
    "crisis": lines("""
        [fight,refugee,aid] {agency} said it had registered {big} new arrivals at camps near the border in the past week alone.
        [fight,truce] Satellite images reviewed by independent analysts appear to show damage to at least {num} buildings in the area.
        [fight] The {demonym} government has denied targeting civilians and blamed armed groups for the violence.
        [fight,aid,flood] Residents reached by telephone described long queues for bread and fuel, and said mobile phone coverage was intermittent.
        [aid,flood] Aid workers say the main road into {province} is passable only by four-wheel-drive vehicles after weeks of rain.
        [aid,flood] {bloc} has pledged {money} in emergency funding, though less than a third of that sum has so far been delivered.
        [flood] Local officials estimate that about {pct} per cent of farmland in the region is now under water.
        [flood] Rescue teams using boats and helicopters have evacuated families from rooftops in low-lying villages.
        [refugee] The crossing at {town} reopened to pedestrians on {day} for the first time since the spring, local media reported.
        [refugee] Returning families will receive a cash grant and seed for the planting season, the refugee ministry said.
        [truce] Independent monitors have recorded {num} violations of the truce since it came into force, most of them involving small arms fire.
        [fight,aid] Grain prices in neighbouring markets have risen by {pct} per cent since the fighting began, according to traders.
        [fight,aid] Doctors at the only functioning hospital in {town} said they were treating patients in corridors because the wards were full.
        [fight,aid] Humanitarian groups have asked both sides to allow a daily pause in the fighting so that supplies can be moved.
        [fight,flood,refugee] Many of those displaced are women and children, who have walked for days to reach the camps.
        [flood] Forecasters have warned of more heavy rain over the coming week.
        [flood] The army has been deployed to reinforce river defences around {capital}.
        [truce] Both sides accuse each other of moving troops closer to the line of contact in breach of the agreement.
        [truce] Shops and markets in {town} reopened for the first time in weeks as the guns fell silent.
        [refugee] Officials said about {big} people had already registered to return.
        [refugee] Many returning families have found their homes damaged or occupied.
    """),
    "diplomacy": lines("""
        [talks,summit] The foreign ministry in {capital} described the talks as "frank and constructive" but gave no timetable for a final agreement.
        [talks] Diplomats familiar with the negotiations said the main sticking point remained the sequencing of troop withdrawals.
        [talks,summit,row] The dispute over {issue} has soured relations between the two neighbours for more than a decade.
        [talks] Under the terms of the draft agreement, both sides would pull heavy weapons back {num} kilometres from the line of contact.
        [talks] Observers will be allowed to visit checkpoints on both sides of the border, according to a copy of the text seen by reporters.
        [sanctions] The sanctions freeze the overseas assets of {num} individuals and bar them from travelling to member states.
        [sanctions] Shipping data shows that tankers linked to the targeted firms have continued to call at ports in {country2} in recent months.
        [sanctions,row] Officials in {capital2} dismissed the measures as political theatre and said they would have little effect on the economy.
        [prisoners] The prisoners released on {day} included soldiers, journalists and at least {n_word} aid workers, according to a list published by mediators.
        [prisoners] Relatives gathered at the crossing in the early morning, some holding photographs of missing sons and brothers.
        [prisoners] Both governments have said that further exchanges could follow if the first one proceeds without incident.
        [talks,summit] The last round of talks collapsed in {past_year} after a dispute over who would police the demilitarised zone.
        The envoy is expected to brief member states in {capital} later this month.
        [talks,prisoners] Mediators shuttled between the two delegations' hotels late into the night, according to people briefed on the talks.
        [row] The ambassador was summoned to the foreign ministry on {day} and handed a formal letter of protest.
        [row,sanctions] Trade between the two countries has fallen sharply since the dispute escalated.
        [row] {country2} said it would respond in kind if the ambassador was not returned within {n_word} weeks.
        [summit] Member states were split over whether to offer new funding or impose penalties.
        [summit] Host officials had hoped to announce a framework agreement at the closing press conference.
        The foreign ministers of {n_word} neighbouring states issued a joint statement urging restraint from all sides.
    """),
    "election": lines("""
        [vote] Turnout in the capital was reported to be high, with queues forming outside polling stations well before they opened.
        [vote] Electoral observers said they had received reports of intimidation in {num} districts but that voting was largely orderly.
        [protest] Protesters have gathered in the main square of {capital} every evening for the past {num} days, calling for early elections.
        [protest] Security forces used tear gas to disperse crowds near the parliament building late on {day}, witnesses said.
        [protest] The president's office said it was open to dialogue but warned that it would not tolerate attacks on public buildings.
        [vote] The incumbent has campaigned on a promise to rebuild roads and schools damaged during the conflict.
        [vote] Opposition candidates have accused the state broadcaster of giving them only a fraction of the airtime granted to the government.
        [vote] About {big} observers from {bloc} and local civic groups were deployed to monitor the vote.
        [vote] Young voters, who make up nearly a third of the electorate, were widely seen as the deciding factor.
        [vote] The electoral commission has promised to publish results from each polling station online within {n_word} days.
        [vote,protest] Internet access was restricted in several cities on the eve of the vote, according to a digital rights group.
        [detain] The detained politician had been charged with organising unauthorised rallies, charges supporters said were politically motivated.
        [detain] Supporters gathered outside the prison gates to greet the released politician.
        [detain] Diplomats from several countries had called repeatedly for the politician's release.
    """),
    "any": lines("""
        Analysts say the outcome will shape regional trade routes, energy supplies and migration for years to come.
        Embassies in {capital} have advised their citizens to avoid non-essential travel to the border region.
        {country} has a population of about {n_word} million people and depends heavily on exports of timber and copper.
        The region has been unstable since a disputed election in {past_year} triggered months of unrest.
        Neighbouring governments fear that a prolonged crisis could send a new wave of refugees across their borders.
        {bloc} said it was following developments closely and called on all parties to respect international law.
        The two countries share a border of roughly {hundreds} kilometres, much of it running through mountains and forest.
        State media in {capital} carried only a brief report of the events, describing them as "an internal matter".
        Journalists have been barred from entering the area without an official escort since {month}.
        A previous agreement signed in {past_year} was never fully implemented by either side.
        Foreign governments have so far been cautious in their public statements, preferring to work through back channels.
        The currency has lost roughly {pct} per cent of its value against the dollar since the start of the year.
    """),
}

QUOTES = lines("""
    [talks,summit,prisoners,truce] "We came here to make peace, not to make speeches," {p1r} told reporters.
    [fight,aid,flood,truce,talks] "Every day of delay is measured in lives," {p2r} said.
    [talks,summit,truce,row] "The window for a settlement is open, but it will not stay open for long," said {p3}.
    [fight,truce,talks,prisoners] "Nobody in this region benefits from another winter of war," {p1} said.
    "We are not finished," {p2} said.
    [fight,aid,flood,refugee] "People are sleeping under plastic sheeting in the rain. They need shelter now, not next month," {p2r} said.
    [talks,summit,row] {p1} said the government would "not bargain away a single village" in the negotiations.
    [sanctions] "The sanctions are a message, and the message has been received," {p3r} said.
    [fight,refugee,aid,flood] "My children ask me every night when we are going home," said one woman at a camp near {town}, who asked not to be named.
    [protest,vote,detain] "We want an election, and we want it this year," said a student at the protest in {capital}.
    [talks,summit,prisoners] Asked whether a deal was close, {p1} replied: "Closer than it was yesterday."
    [fight,truce,talks] "There is no military solution to this," {p3r} said. "Both sides know it, even if neither will say so."
    "We will judge them by what they do, not by what they sign," said {p2}.
    [talks,row,sanctions,summit] "This is a test of whether our neighbours mean what they say," {p1r} said.
    [vote] "Every vote will be counted, and every vote will count," {p1r} said.
    [vote] "We have waited five years for this day," said a voter queuing outside a school in {capital}.
""")

CLOSES = lines("""
    [talks,summit,prisoners] Talks are due to resume in {capital} next week.
    [sanctions,summit] Member states are expected to review the measures in {month}.
    [fight,aid,flood,refugee] {agency} said it would issue a fresh appeal for funds in the coming days.
    [vote] Final results are expected by the end of the week.
    [talks,row,sanctions,prisoners,summit,fight,truce] Neither government responded to requests for comment on {day}.
    [truce] Monitors will publish their next report on the truce in {n_word} weeks.
""")

CAPTIONS = lines("""
        A general view of {capital}
    [fight,aid,flood,refugee] Displaced families wait for food distribution at a camp near {town}
    [talks,summit,prisoners,row,sanctions] Delegates arrive for talks in {capital}
    {p1} speaks to reporters in {capital}
    [aid,fight] Aid trucks queue at the crossing into {province}
    [flood] Floodwater surrounds homes in a village outside {capital}
    [protest,detain,vote] Protesters gather in the main square of {capital}
""")

TAGS = ["Diplomacy", "Conflict", "Refugees", "Elections", "Foreign affairs", "Humanitarian aid"]
TAG_SLOTS = ["country", "country2"]
