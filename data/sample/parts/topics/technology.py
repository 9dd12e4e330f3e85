"""Technology: software, devices, AI, cybersecurity, regulation."""
from vocab import lines

TOPIC = "technology"

POOLS = {
    "company": lines("""
        Quillon Systems
        Brightnode
        Latchkey Labs
        Sableware
        Northlight Computing
        Fernhollow Networks
        Tessellate AI
        Parallax Devices
        Kitewire
    """),
    "product": lines("""
        the Lumen 4 smartphone
        the Orrery home assistant
        the Keystone laptop range
        the Halo wireless earbuds
        the Wayfarer tablet
    """),
    "app": lines("""
        a messaging app called Threadline
        a photo-editing app called Glasswork
        a budgeting app called Tallyfox
        a homework app called Slate
    """),
    "area": lines("""
        artificial intelligence
        cloud storage
        chip design
        satellite broadband
        battery technology
        cybersecurity
        online payments
    """),
    "regulator": lines("""
        the Digital Markets Office
        the Data Protection Commissioner
        the Communications Authority
        the Online Safety Board
    """),
    "lab": lines("""
        Redgate Security
        the Cipher Collective
        Tarnholm Digital Lab
        Blackpine Threat Research
    """),
}

ROLES = {
    "p1": lines("""
        the chief executive of {company}
        {company}'s head of engineering
        the co-founder of {company}
        {company}'s chief technology officer
    """),
    "p2": lines("""
        a security researcher at {lab}
        a technology analyst at {lab}
        the founder of a rival start-up
    """),
    "p3": lines("""
        a spokesperson for {regulator}
        a professor of computer science at the University of {place}
        a digital rights campaigner
        the head of policy at {regulator}
    """),
}

STORIES = {
    "product": lines("""
        [device] {company} unveils {product} with longer battery life || {company} unveiled {product} on {day}, promising longer battery life, a faster processor and new privacy controls.
        [ai] {company} launches AI assistant for small businesses || {company} has launched an artificial intelligence assistant aimed at small businesses, which it says can draft invoices, answer customer emails and summarise spreadsheets.
        [chips] Start-up {company} raises {money} to build cheaper chips || The {place} start-up {company} has raised {money} from investors to develop cheaper processors for data centres, in one of the largest funding rounds in the sector this year.
        [device] {company} delays launch of {product} after testing problems || {company} has postponed the launch of {product} by at least {n_word} months after engineers found problems during final testing.
        [satellite] Satellite broadband reaches remote villages in {region} || Households in some of the most remote villages in {region} can now sign up for satellite broadband under a scheme led by {company}.
        [centre] {company} to open engineering centre in {place} || {company} plans to open an engineering centre in {place} employing {hundreds} software developers, the company said on {day}.
    """),
    "security": lines("""
        [breach] Data breach at {company} exposes details of {big} customers || Personal details of about {big} customers of {company} were exposed in a data breach, the company confirmed on {day}.
        [fine] Regulator fines {company} {money} over children's data || {regulator} has fined {company} {money} for failing to protect the personal data of children who used {app}.
        [outage] Outage knocks {company} services offline for hours || Millions of users were unable to access services run by {company} for several hours on {day} after a fault in one of its data centres.
        [ransomware] Ransomware attack disrupts council services in {place} || Council services in {place} were disrupted for a {n_word}-day period after a ransomware attack encrypted files on the authority's computer systems.
        [appstore] Regulator opens inquiry into {company} app store rules || {regulator} has opened an inquiry into whether {company} uses its app store rules to shut out smaller rivals.
    """),
}

DEKS = lines("""
    [satellite,centre,chips,ai,device,breach,fine,outage,ransomware,appstore] The move is likely to be watched closely by rivals and regulators alike
    [ai,device] The company says the new software was built with privacy in mind
    [breach,ransomware] Security experts warn that the true scale of the problem may not yet be known
    [chips,centre] Investors are betting that demand for computing power will keep growing
    [appstore,fine] Critics say the rules give large platforms too much power over smaller developers
    [device,ai,satellite] The launch comes as competition in the market intensifies
    [outage,ransomware] Engineers worked through the night to restore the service
""")

BODY = {
    "product": lines("""
        [device] The device will go on sale in {month} at a starting price of {money_k}.
        [device] {company} said the new processor was {pct_int} per cent faster than the chip used in the previous model.
        [device] Early reviewers praised the screen and camera but said the software still felt unfinished in places.
        [ai] The assistant runs on a large language model trained on licensed business documents, according to the company.
        [ai,device] Users will be able to switch off data collection entirely from a single settings page, the company said.
        [chips] The chips are designed to use less electricity than existing processors, which could cut running costs for data centre operators.
        [chips] The funding round was led by a venture capital firm based in {place2}, with several existing investors also taking part.
        [device] Engineers found that some units overheated when running demanding applications for long periods.
        [satellite] The satellite service offers download speeds of up to {hundreds} megabits per second, according to {company}.
        [satellite] Installation involves fixing a small dish to the roof of a house, a job the company says takes about an hour.
        [centre] The engineering centre will focus on {area} and is expected to open next spring.
        [device] The company's previous flagship model sold about {big} units in its first month on sale.
        [device] Software updates will be guaranteed for {n_word} years, longer than most rival manufacturers offer.
        [ai,device,satellite] {company} has been testing the product with a small group of customers since {month}.
    """),
    "security": lines("""
        [breach] The stolen data included names, email addresses and in some cases partial payment card numbers, the company said.
        [breach] {company} said passwords had been stored in encrypted form and there was no evidence they had been accessed.
        [breach] Customers have been advised to change their passwords and to be wary of unexpected emails asking for personal information.
        [fine] The regulator found that the company had collected location data from young users without adequate consent.
        [fine] The fine is the largest {regulator} has issued since it was given new powers in {past_year}.
        [outage] Engineers traced the outage to a faulty software update that was pushed to servers around the world.
        [outage] Businesses that rely on the company's cloud platform reported lost sales during the disruption.
        [ransomware] The attackers demanded a ransom in cryptocurrency, which the council said it had no intention of paying.
        [ransomware] Residents were unable to pay council tax online or book appointments while systems were offline.
        [appstore] Smaller developers have long complained that app store fees of up to {pct_int} per cent leave them little room to compete.
        [breach,ransomware] The company said it had notified the police and was working with an external cybersecurity firm.
        [breach] The breach was first spotted by a researcher who found a database left open on the internet without a password.
        [breach,fine] Under data protection law, companies must report serious breaches to the regulator within {n_word} days.
        [outage] Services were gradually restored over the course of the evening, the company said.
        [outage] It was the second major outage affecting the company's services this year.
        [appstore] The inquiry will also examine whether the company favours its own apps in search results.
        [appstore] The company has previously said its rules protect users from fraud and malware.
        [centre] The company already employs about {hundreds} people at its existing offices.
        [centre] Local leaders said the centre would help to keep young engineers in the region.
        [satellite] Many of the villages covered by the scheme currently have download speeds of less than {n_small} megabits per second.
        [ai] Businesses will pay a monthly subscription based on the number of employees using the assistant.
        [ai] The company said the assistant would not be trained on customers' own documents without permission.
    """),
    "any": lines("""
        [device,ai,chips,satellite,centre] The announcement was made at an event for developers and investors in {place}.
        Technology companies have come under growing pressure from lawmakers to be more open about how their systems work.
        Analysts said the episode showed how quickly the technology sector was changing.
        Consumer groups have urged people to check the privacy settings on their devices and apps.
        [device,ai,chips,satellite,centre] The company said it had spent {n_word} years preparing for the move.
        Industry figures suggest that spending on {area} has roughly doubled in the past three years.
        [device,ai,chips,satellite,centre,breach,fine,outage,appstore] {company} employs about {big} people worldwide and is one of the fastest-growing firms in {area}.
        [device,ai,chips,centre,satellite] Shares in {company} rose {pct2} per cent in early trading following the announcement.
        [device,ai,chips,satellite,centre,appstore] The market for {area} is expected to be worth {money_bn} within five years, according to industry estimates.
        [device,ai,chips,satellite,centre,breach,fine,outage,appstore] The company was founded in a garage in {place} in {past_year} by {n_word} university friends.
        Digital rights groups have called for stricter rules on how technology companies use personal data.
        [device,ai,chips,satellite] Rival firms are expected to announce similar products in the coming months.
        {regulator} has been given additional staff and funding to police the technology sector.
        [ai,chips,satellite,device] The technology relies on software developed in-house over several years, the company said.
        [ai,device,chips] Independent testers will publish their own assessment of the system later this year.
        Many smaller firms in the sector are struggling to hire engineers with experience in {area}.
        The government has promised to publish a national strategy for {area} before the end of the year.
    """),
}

QUOTES = lines("""
    [device,ai,chips,satellite] "This is the most important product we have ever built," {p1r} said.
    [breach] "Users should assume their email address is now in the hands of criminals," {p2r} said.
    "We are not finished," {p1} said.
    [device,ai,fine] "Privacy isn't a setting buried in a menu. It has to be the default," {p1} said.
    [fine] "Companies cannot treat children's data as a resource to be mined," {p3r} said.
    [breach,outage,fine] "We got this wrong, and we are sorry," {p1r} said in a statement.
    [device,chips] "The hardware is impressive. The question is whether people need it," said {p2}.
    [outage,ransomware] "Outages like this show how much of the economy now runs on a handful of servers," {p3r} said.
    [ransomware] "We will not pay criminals," a spokesperson for the council in {place} said.
    [breach,ransomware] {p2} described the security flaw as "the kind of mistake a first-year student would spot".
    [appstore] "Small developers need a fair shot, and right now they don't have one," {p2r} said.
    [chips] "The chips are ready. Now we need to build them at scale," {p1} told reporters.
    [satellite] "For the first time, people here can work from home without driving to the library," said a resident of {place}.
    [centre] "We want to hire people who want to stay and build something here," {p1r} said.
    "Everyone is racing to ship first and fix later," said {p3}.
""")

CLOSES = lines("""
    [breach,outage] {company} said it would publish a full report on the incident within {n_word} weeks.
    [device,ai] The product goes on sale in {month}.
    [appstore,fine] {regulator} is expected to publish its provisional findings next year.
    [fine] {company} has until {month} to appeal against the decision.
    [device,ai,chips,centre,satellite] The company declined to say how much the project had cost.
    [breach,ransomware] Investigators are continuing to examine how the attackers gained access.
""")

CAPTIONS = lines("""
        A close-up of a laptop keyboard
        A general view of offices in {place}
    [device] {product} on display at a launch event in {place}
    [chips,device,centre,ai] Engineers at work in a {company} laboratory
    [ai,device] {p1} presents the new software on stage
    [outage,breach,chips,ransomware] Server racks inside a data centre
    [appstore,fine,ai,breach] A user scrolls through the app on a smartphone
""")

TAGS = ["Technology", "Artificial intelligence", "Cybersecurity", "Gadgets", "Start-ups", "Data protection", "Internet"]
TAG_SLOTS = ["company", "area"]
