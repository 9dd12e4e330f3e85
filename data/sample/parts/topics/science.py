"""Science: research findings, expeditions, space missions."""
from vocab import lines

TOPIC = "science"

FIELDS = [
    # field, subject, method, site, instrument
    ("marine biology", "the feeding habits of deep-sea squid", "underwater camera footage",
     "the Grey Strait", "a remotely operated submarine"),
    ("ecology", "declining numbers of marsh songbirds", "bird surveys and tagging data",
     "the Marram Coast wetlands", "lightweight radio tags"),
    ("geology", "a chain of ancient volcanoes beneath the seabed", "sediment cores",
     "the Kelvarra peninsula", "a drilling ship"),
    ("astronomy", "a comet approaching the inner solar system", "telescope observations",
     "the Penmorrow Observatory", "a large radio telescope"),
    ("palaeontology", "a previously unknown species of long-necked reptile", "fossilised bones",
     "a quarry near Ashby Tarn", "high-resolution CT scanning"),
    ("climate science", "the retreat of mountain glaciers", "satellite measurements and ice cores",
     "the Greywater Hills", "a network of weather stations"),
    ("genetics", "the evolution of drought resistance in wheat", "genome sequencing",
     "experimental farms in the Tarn Valley", "gene sequencing machines"),
    ("physics", "the behaviour of ultra-cold atoms", "laser experiments",
     "an underground laboratory near Castlereach", "a vacuum chamber cooled close to absolute zero"),
    ("neuroscience", "how the brain stores memories during sleep", "brain scans of volunteers",
     "a sleep laboratory in Eastmere", "an MRI scanner"),
]

POOLS = {
    "institute": lines("""
        the Marlow Institute of Oceanography
        the Sollis Centre for Earth Sciences
        the Royal Academy of Natural Philosophy
        the Glenarrow Research Station
        the Tessel Institute for Advanced Study
    """),
    "journal": lines("""
        the Northern Journal of Biology
        Proceedings of the Kestrel Academy
        the Review of Physical Sciences
        Earth and Ocean Letters
        the Journal of Comparative Natural History
    """),
    "funder": lines("""
        the National Science Foundation of the Eastern Shires
        the Halberd Trust
        the Research Council for Nature
        the Aldermoor Foundation
    """),
}

ROLES = {
    "p1": lines("""
        the lead author of the study and a researcher at {institute}
        a professor of {field} at the University of {place}
        the head of the {field} group at {institute}
    """),
    "p2": lines("""
        a co-author of the study
        a doctoral student at {institute}
        a senior scientist on the project
    """),
    "p3": lines("""
        an independent expert in {field} who was not involved in the research
        a researcher at {institute2} who was not involved in the study
        a professor of {field} at the University of {place2}
    """),
}


def derive(ents, rng):
    field, subject, method, site, instrument = rng.choice(FIELDS)
    ents.update(field=field, subject=subject, method=method, site=site, instrument=instrument)


STORIES = {
    "study": lines("""
        [study] Scientists shed new light on {subject} || Scientists at {institute} say they have gained new insight into {subject}, in a study published on {day} in {journal}.
        [study] Study of {subject} overturns decades-old theory || A study of {subject} has challenged a theory that has shaped {field} for decades, researchers reported in {journal}.
        [study] Researchers surprised by findings on {subject} || Researchers studying {subject} say their results have surprised them, after {num} months of work at {site}.
        [study,method] Breakthrough in {field} could change how {subject} is studied || A team of researchers led by {institute} has developed a technique that could change the way scientists study {subject}.
        [study,longterm] Long-term data reveals unexpected trend in {subject} || More than {num} years of data on {subject} have revealed a trend that researchers did not expect, according to a paper published in {journal}.
        [grant] {field} study wins major funding || A project investigating {subject} has been awarded {money} by {funder}, one of the largest grants made in {field} this year.
    """),
    "mission": lines("""
        [expedition] Expedition returns from {site} with thousands of samples || A scientific expedition has returned from {site} with more than {big} samples that researchers hope will reveal more about {subject}.
        [instrument] New instrument begins work at {site} || Scientists have begun using {instrument} at {site}, in a project that aims to answer long-standing questions about {subject}.
        [citizen] Citizen scientists help researchers study {subject} || Thousands of volunteers have helped researchers build the most detailed picture yet of {subject}, by submitting observations from gardens, beaches and parks.
        [probe] Probe launch delayed as engineers fix fault || The launch of a research probe built partly at {institute} has been delayed by at least {n_word} weeks while engineers repair a faulty valve.
        [museum] Museum unveils remains discovered near {place} || A museum in {place} has put on display remains discovered during building work nearby, which researchers say could shed new light on {subject}.
    """),
}

DEKS = lines("""
    [study,longterm,museum] The researchers say their findings raise as many questions as they answer
    [study,method] Other scientists have urged caution until the results can be repeated
    [study,longterm,museum,instrument] The work took the team more than {n_word} years to complete
    [expedition,citizen,instrument] It is the first time such data has been collected in the region
    [longterm,citizen] The project relied on a mix of old records and new technology
    [grant,expedition,probe,instrument] Funding for the next phase of the research has yet to be secured
""")

BODY = {
    "study": lines("""
        The team analysed {method} collected at {site} over a period of {num} months.
        The researchers compared their results with records going back to {past_year}.
        Their analysis suggests that the effect is {pct_int} per cent larger than previous estimates.
        The study was peer-reviewed and published in {journal}.
        The researchers used statistical models to rule out the possibility that the pattern had arisen by chance.
        Previous studies had relied on much smaller samples, which made it hard to draw firm conclusions.
        The team now plans to repeat the experiment at {n_word} other sites to see whether the results hold.
        Some of the data came from measurements taken by volunteers and checked by the research team.
        The findings could help scientists make better predictions about how {subject} will change in the future.
        The paper includes a detailed description of the methods so that other groups can attempt to reproduce the results.
        The researchers acknowledged that their sample was limited and that more work was needed.
        Computer simulations run on a supercomputer at {institute} supported the conclusions.
        The study was funded by {funder} and involved scientists from {n_word} countries.
        A key part of the work involved {instrument}, which allowed measurements of unprecedented precision.
    """),
    "mission": lines("""
        [expedition] The expedition spent {num} days at sea and endured storms with waves of up to {n_small} metres.
        [expedition] Samples will be shared with laboratories around the world over the coming year.
        [instrument] Scientists will use {instrument} to take measurements every few minutes, day and night.
        [citizen] Volunteers submitted more than {big} records through a smartphone app developed for the project.
        [probe] The probe carries {n_word} scientific instruments, including cameras and a sensitive magnetometer.
        [probe] Engineers discovered the fault during a final round of checks before the spacecraft was due to be moved to the launch site.
        [museum] The remains were found by construction workers who were digging the foundations for a new housing estate.
        [museum] Specialists spent several months carefully removing the surrounding rock before the remains could be studied.
        [instrument] The new instrument cost {money} to build and took {n_word} years to design.
        [probe,expedition] The mission is a collaboration between universities, museums and the national space agency.
        [citizen,instrument,probe] Data from the project will be made freely available to researchers and the public.
        [expedition,instrument] Conditions at {site} are harsh, and the team had to work in short shifts.
        [grant] The grant will pay for {n_word} new research posts and equipment over five years.
        [grant] Competition for funding in {field} has become intense, with only a small fraction of applications succeeding.
        [grant] The team hopes to begin the first experiments within months.
        [probe] The probe is designed to operate for at least {n_word} years once it reaches its destination.
        [probe] Mission managers said the delay would not affect the main scientific goals.
        [museum] Visitors will be able to see the remains alongside a life-size reconstruction.
    """),
    "any": lines("""
        The work was praised by other scientists for its careful design and openness.
        The researchers said they had been surprised by the level of public interest in the project.
        Universities in the region have built up a strong reputation in {field} over the past two decades.
        The question of {subject} has puzzled researchers in {field} for generations.
        The research was carried out by scientists at {institute} and the University of {place}.
        Scientists say the work highlights the value of long-term monitoring, which often struggles to attract funding.
        Several other research groups are working on similar questions using different methods.
        The results have been welcomed by other researchers in {field}, although some have questioned the methods used.
        Funding for basic research in {field} has fallen in real terms over the past decade.
        The team has published its data online so that other scientists can examine it.
        Further results are expected to be published in {journal} next year.
        The work forms part of a wider programme studying {subject} that began in {past_year}.
        Researchers hope the findings will inspire more young people to take up careers in science.
        The project has involved more than {num} scientists, technicians and students.
    """),
}

QUOTES = lines("""
    [study,longterm,museum,expedition] "We were genuinely surprised by what we found," {p1r} said.
    [study,longterm,method] "This is the kind of result that makes you go back and check everything twice," {p2r} said.
    "We are not finished," {p1} said.
    [study,longterm,method] "It's a careful, well-designed study, but one study is never the end of the story," {p3r} said.
    "Nature keeps reminding us how little we know," said {p1}.
    "Every sample is a small piece of a very large puzzle," {p2} said.
    [study,longterm,museum] "If these results hold up, the textbooks will need rewriting," {p3r} said.
    [expedition,instrument,probe] "We spent years waiting for the right conditions, and then everything happened in a week," {p1r} said.
    [study,longterm,museum] {p3} described the findings as "intriguing but not yet conclusive".
    "Science like this depends on patience and on funding that lasts longer than a few years," {p1} said.
    [citizen] "The volunteers did a fantastic job. We could never have collected this much data on our own," {p2r} said.
    [study,longterm] "The next step is to find out why this is happening," said {p2}.
    [museum,expedition] "It was like opening a time capsule," {p1r} said.
    [grant] "This funding gives us the freedom to ask the big questions," {p1r} said.
    [probe] "Better to find a problem on the ground than in space," {p2r} said.
""")

CLOSES = lines("""
    [study,longterm,method,citizen] The team will present its findings at a conference in {place2} in {month}.
    [grant,instrument,citizen,expedition] The next phase of the project is due to begin next year.
    [study,longterm,method] A follow-up study is already under way.
    [expedition] The samples will be stored at {institute} for future research.
    The researchers hope to publish further results within {n_word} years.
    [museum] The exhibition opens to the public in {month}.
    [probe] A new launch date will be announced in {month}.
""")

CAPTIONS = lines("""
    [expedition,study,longterm] Researchers collect samples at {site}
    {p1} in the laboratory at {institute}
    An image produced using {instrument}
    [expedition] The research vessel leaves port at the start of the expedition
    [citizen] Volunteers record observations during a survey near {place}
""")

TAGS = ["Science", "Research", "Environment", "Space", "Nature", "Fossils", "Climate"]
TAG_SLOTS = ["field", "institute"]
