"""Health: hospitals, waiting lists, medicines, public health."""
from vocab import lines

TOPIC = "health"

POOLS = {
    "hospital": lines("""
        St Aldric's Hospital
        Eastmere General Hospital
        the Royal Lindhaven Infirmary
        Carrow Bay Community Hospital
        the Wexley Green Children's Hospital
        Tarnholm University Hospital
    """),
    "condition": lines("""
        type 2 diabetes
        measles
        chronic back pain
        heart failure
        asthma
        dementia
        whooping cough
        depression
        skin cancer
    """),
    "treatment": lines("""
        a once-weekly injection
        a new inhaler
        a combination of two existing drugs
        a digital therapy delivered by smartphone
        a cheaper generic tablet
        a nasal spray vaccine
    """),
    "charity": lines("""
        the Heartwell Foundation
        Breathe Easy Trust
        the Memory Matters Society
        the Children's Health Alliance
        Mind and Body Network
    """),
    "regulator": lines("""
        the Medicines Authority
        the Clinical Standards Commission
        the Health Quality Inspectorate
    """),
}

ROLES = {
    "p1": lines("""
        a consultant at {hospital}
        the chief medical officer
        the medical director of {hospital}
        the health minister
    """),
    "p2": lines("""
        the chief executive of {hospital}
        a nurse at {hospital}
        the lead researcher on the trial
        a GP in {place}
    """),
    "p3": lines("""
        a spokesperson for {charity}
        a professor of public health at the University of {place2}
        the chair of the national doctors' association
    """),
}

STORIES = {
    "services": lines("""
        [waiting] Waiting lists at {hospital} reach record high || The number of patients waiting for planned treatment at {hospital} has reached a record high, with more than {big} people on the list at the end of {month}.
        [strike] Nurses at {hospital} stage walkout over staffing levels || Nurses at {hospital} walked out for {n_word} days this week in protest at what they say are dangerously low staffing levels on wards.
        [inspection] Inspectors rate {hospital} maternity unit as inadequate || Health inspectors have rated the maternity unit at {hospital} as inadequate, warning that mothers and babies were put at risk by staff shortages and poor record-keeping.
        [ae] A&E patients in {place} wait up to {num} hours || Patients attending the emergency department at {hospital} waited up to {num} hours to be seen last month, according to figures published on {day}.
        [gp] GP surgeries in {region} struggle to recruit doctors || Almost a third of GP surgeries in {region} have at least one vacancy for a doctor, leaving patients waiting weeks for routine appointments.
        [plan] {money} plan to cut hospital waiting times || The government has announced a {money} plan to reduce hospital waiting times by opening {n_word} new surgical centres and extending evening and weekend clinics.
    """),
    "research": lines("""
        [trial] Trial finds {treatment} cuts {condition} hospital admissions || A large trial has found that {treatment} reduced hospital admissions among people with {condition} by {pct_int} per cent, researchers said on {day}.
        [measles] Measles cases rise as vaccination rates fall || Cases of measles have risen sharply in {region}, with {num} confirmed infections since {month}, as health officials warn that too few children are being vaccinated.
        [approval] Regulator approves {treatment} for {condition} || {regulator} has approved {treatment} for adults with {condition}, a decision charities described as a significant step forward for patients.
        [walk] Daily walk linked to lower risk of {condition}, study finds || People who walk for at least {num} minutes a day have a lower risk of developing {condition}, according to a study of more than {big} adults.
        [screening] Screening programme for {condition} to be expanded || A screening programme for {condition} is to be expanded to every region after a pilot in {place} detected hundreds of cases earlier than usual.
    """),
}

DEKS = lines("""
    [waiting,ae,gp] Doctors say the pressure on services is the worst they can remember
    [approval,trial,screening,plan] Patient groups have welcomed the news but warn that access must be fair
    [trial,walk,screening] The findings add to evidence about the benefits of early treatment
    [measles] Health officials are urging parents to check their children's vaccination records
    [inspection] The hospital says it has already made changes in response to the report
    [strike] Unions say staff are exhausted and morale is at a low ebb
""")

BODY = {
    "services": lines("""
        [waiting,plan] Some patients have been waiting more than a year for hip and knee operations, according to the figures.
        [waiting,ae] The hospital trust said it had opened an additional ward and hired agency staff to cope with demand.
        [ae] Ambulances were regularly queuing outside the emergency department because there were no beds available on the wards.
        [strike,inspection] Nurses say they are often responsible for twice as many patients as recommended on night shifts.
        [inspection] The inspectors found that emergency equipment had not been checked regularly and that some staff had not completed mandatory training.
        [waiting,ae] Managers said planned operations had been cancelled on {n_word} occasions this winter because of a shortage of beds.
        [ae] About {pct_int} per cent of patients were seen within four hours, well below the national target of {pct_int2} per cent.
        [waiting,ae,gp] Doctors' leaders said the figures reflected years of underinvestment in community and social care.
        [ae,waiting] Many older patients are medically fit to leave hospital but cannot be discharged because care homes have no space.
        [plan] The new surgical centres will focus on routine procedures such as cataract removal and hernia repairs.
        [gp] Practices in rural areas have found it particularly hard to attract newly qualified doctors.
        [ae,gp] Patients have been urged to use pharmacies and online services for minor illnesses to ease pressure on hospitals.
        [strike,inspection] Staff sickness rates at the hospital have risen to {pct2} per cent, the highest level in {n_word} years.
        [inspection] Inspectors also praised the kindness of midwives, who they said were working under intense pressure.
        [inspection] The unit has been told to make urgent improvements to its staffing and record-keeping.
        [strike] Emergency care continued during the strike, with senior staff covering some shifts.
        [strike] Hospital managers said about {hundreds} appointments had been postponed because of the walkout.
        [gp] Some surgeries have closed their lists to new patients because they cannot cope with demand.
        [gp] Patients in {place} said they had to phone at eight in the morning for any chance of an appointment.
        [plan] The money will also pay for extra diagnostic scanners in {n_word} regions.
        [plan] Critics said the plan did not address the shortage of staff needed to run the new centres.
    """),
    "research": lines("""
        [trial] The trial involved {big} patients at {num} hospitals and ran for {n_word} years.
        [trial] Participants who received {treatment} were also less likely to need emergency care.
        [trial,approval] Side effects were generally mild and included headaches and nausea, the researchers said.
        [trial,walk] The results were published in a leading medical journal and presented at a conference in {place2}.
        [measles] Vaccination rates for children starting school have fallen to {pct_int} per cent, below the level needed to prevent outbreaks.
        [measles] Measles is highly infectious and can cause serious complications, particularly in young children and pregnant women.
        [measles] Health officials have set up pop-up clinics in schools and shopping centres to make vaccination easier.
        [approval] The approval means doctors will be able to prescribe the treatment once it becomes available next year.
        [approval] The treatment will cost about {money_k} per patient per year, although the manufacturer is expected to offer a discount.
        [walk] The study followed participants for an average of {n_word} years and took account of factors such as smoking, diet and income.
        [walk] The researchers stressed that the study showed an association and could not prove that walking itself reduced the risk.
        [screening] During the pilot, screening detected {hundreds} cases, many of which were treated before symptoms appeared.
        [screening,trial,approval] Early diagnosis of {condition} can significantly improve outcomes and reduce the cost of treatment.
        [walk] Even short walks of ten minutes were linked to some benefit, the researchers said.
        [walk] Participants wore activity trackers for a week at the start of the study.
        [screening] The programme will be offered to adults between the ages of 50 and 74.
        [measles] Most of the confirmed cases have been in children under the age of ten.
        [approval] The regulator said the benefits of the treatment outweighed the risks for most patients.
    """),
    "any": lines("""
        Health leaders say demand for care has outstripped the resources available for several years.
        The figures were published as part of the health service's regular monthly statistics.
        Patients' groups said the public needed clear and honest information about what to expect.
        Doctors' representatives said they had raised concerns about the issue repeatedly.
        Local MPs have asked the health minister for a meeting to discuss the situation.
        The latest developments will be discussed at a meeting of regional health leaders later this month.
        [trial,approval,screening,walk] About {big} people in the region are living with {condition}, according to {charity}.
        The health service has faced rising demand since the population began to age rapidly.
        [strike,gp,plan,waiting] The government has promised to recruit {big} more nurses and doctors by {future_year}.
        [walk,measles,screening] Public health experts say prevention is far cheaper than treatment in the long run.
        {regulator} said it would continue to monitor the situation closely.
        Patients with concerns are advised to speak to their GP or pharmacist.
        Health spending has risen in cash terms, but critics say it has not kept pace with demand.
        Charities say people in the poorest areas wait longest and have the worst health outcomes.
        [ae,waiting] Figures published in {month} showed that the number of patients attending emergency departments had risen by {pct2} per cent in a year.
        Local health leaders in {place} will meet next week to discuss the findings.
        The health minister is due to set out a long-term workforce plan later this year.
    """),
}

QUOTES = lines("""
    [waiting,ae,plan] "Behind every number on that list is a person in pain," {p1r} said.
    "We are not finished," {p2} said.
    [strike,inspection,gp] "We simply do not have enough staff to keep patients safe," {p2r} said.
    [trial,approval] "This is a genuinely exciting result for people living with {condition}," {p3r} said.
    [measles] "Vaccines are safe, they work, and they protect the whole community," {p1} said.
    [inspection,waiting,plan] "Patients deserve better, and we are determined to deliver it," {p2r} said.
    [trial,approval] "It is not a miracle cure, but it could make a real difference to thousands of families," {p1r} said.
    [walk] "You can walk to a healthier life, one step at a time," said {p3}.
    [waiting,ae] {p3} described the waiting times as "a warning light flashing on the dashboard".
    [ae,waiting] "I waited eleven hours on a trolley in a corridor. Nobody should have to go through that," said one patient at {hospital}.
    [waiting,ae,strike,inspection] "Staff are doing their absolute best in very difficult circumstances," {p1} said.
    [trial,approval,screening] "We need to see the full data before we can say how widely it should be used," {p3r} said.
    [screening] "Catching it early changes everything," {p2r} said.
    [strike] "We love our jobs, but we cannot keep working like this," said a nurse on the picket line.
    [gp] "My patients wait too long, and I hate having to tell them that," {p2r} said.
""")

CLOSES = lines("""
    [inspection] The hospital will be re-inspected within six months.
    [strike] Further strike dates have not been ruled out.
    [approval,trial] The treatment is expected to be available from {month}.
    [measles] Parents can check their child's vaccination record with their GP surgery.
    [waiting,plan,ae] The government will publish updated waiting list figures next month.
    [trial,approval,screening,walk] {charity} runs a free helpline for patients and their families.
""")

CAPTIONS = lines("""
        A hospital corridor
    [waiting,ae,inspection,strike,plan] The entrance to {hospital}
    [strike] Nurses on a picket line outside {hospital}
    [trial,approval,screening,gp] A patient receives treatment at a clinic in {place}
    {p1} at a briefing on {day}
    [measles] A child receives a vaccination at a pop-up clinic
""")

TAGS = ["Health", "Hospitals", "Medicine", "Vaccines", "Public health", "Nursing", "Mental health"]
TAG_SLOTS = ["condition", "hospital"]
