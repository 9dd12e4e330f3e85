"""Business and the economy: companies, markets, inflation, jobs."""
from vocab import lines

TOPIC = "business"

COMPANIES = {
    # name: sector
    "Harlow & Vane": "retail",
    "Brightcastle Foods": "food manufacturing",
    "Norcrest Energy": "energy",
    "Tallis Freight": "shipping",
    "Amberlin Retail Group": "retail",
    "Copperhill Mining": "mining",
    "Kessel & Marsh": "housebuilding",
    "Fairhaven Building Society": "mortgage lending",
    "Orchard Row Brewing": "drinks",
    "Greyling Motors": "car manufacturing",
    "Petrel Airways": "aviation",
    "Dunlin Insurance": "insurance",
    "Mossgrove Homes": "housebuilding",
    "Castlemere Bank": "banking",
}

POOLS = {
    "company": sorted(COMPANIES),
    "index": lines("""
        the Meridian 100
        the Harbour Exchange All-Share index
        the Northern 250
    """),
    "broker": lines("""
        Pellow Securities
        Ashgrove Capital
        Ridgeway Partners
        Lanyard Investment Research
        Marlow Street Advisers
    """),
    "union": lines("""
        the Transport and Warehouse Union
        the Retail Workers' Union
        the Shop and Allied Trades Union
        the General Engineering Union
    """),
}

ROLES = {
    "p1": lines("""
        the chief executive of {company}
        {company}'s finance director
        the chair of {company}
        the managing director of {company}
    """),
    "p2": lines("""
        an analyst at {broker}
        a sector analyst at {broker}
        the chief economist at {broker}
    """),
    "p3": lines("""
        a regional organiser for {union}
        the head of the Small Traders' Federation
        a fund manager at {broker2}
        an economist at the University of {place}
    """),
}


def derive(ents, rng):
    ents["sector"] = COMPANIES[ents["company"]]
    ents["sector2"] = COMPANIES[ents["company2"]]


STORIES = {
    "company": lines("""
        [profit] {company} profits jump {pct_int} per cent as demand recovers || {company} reported a {pct_int} per cent rise in annual profits on {day}, helped by strong demand in its {sector} business and lower borrowing costs.
        [deal] {company} agrees {money_bn} takeover of {company2} || {company} has agreed to buy {company2} in a deal worth {money_bn}, creating one of the largest groups in the {sector} industry.
        [warning] Shares in {company} slump after profit warning || Shares in {company} fell by almost {pct_int} per cent on {day} after the company warned that full-year profits would be lower than expected.
        [ceo] {company} boss {p1s} to step down after {n_word} years || {p1}, who has led {company} for {n_word} years, is to step down at the end of the financial year, the company announced on {day}.
        [regulator] Regulator opens investigation into {company} pricing || The competition regulator has opened a formal investigation into pricing at {company}, after complaints from customers and smaller rivals.
        [warning] {company} warns of higher costs as energy bills rise || {company} warned on {day} that rising energy and wage bills would add about {money} to its costs this year, sending its shares lower.
    """),
    "economy": lines("""
        [rates] Central bank holds interest rates at {pct} per cent || The central bank held its benchmark interest rate at {pct} per cent on {day}, saying it needed more evidence that inflation was under control before cutting borrowing costs.
        [inflation] Inflation falls to {pct} per cent, lowest in {n_word} years || Annual inflation fell to {pct} per cent in {month}, official figures showed on {day}, as lower food and fuel prices eased pressure on household budgets.
        [markets] {index} closes at record high || {index} closed at a record high on {day}, lifted by gains in banking and {sector} shares.
        [retail] Retail sales fall as shoppers cut back on spending || Retail sales fell unexpectedly in {month}, official figures showed on {day}, as households cut back on clothing, furniture and eating out.
        [smallfirms] Small firms report slowest growth in {n_word} years || Small businesses are growing at their slowest pace in {n_word} years, according to a survey published on {day}, with many blaming weak demand and higher borrowing costs.
        [housing] House prices edge higher despite mortgage squeeze || Average house prices rose by {pct2} per cent in {month}, defying expectations of a fall as mortgage rates remain close to their highest level in a decade.
    """),
    "labour": lines("""
        [cuts] {company} to cut {big} jobs in cost-saving drive || {company} is to cut {big} jobs over the next two years as part of a cost-saving programme aimed at saving {money} a year.
        [strike] Staff at {company} vote to strike over pay || Workers at {company} have voted to strike in a dispute over pay, with {pct_int} per cent of those who took part in the ballot backing industrial action.
        [plant] {company} opens new plant in {place}, creating hundreds of jobs || {company} plans to open a new facility in {place} next year, creating about {hundreds} jobs and bringing {money} of investment to the area.
        [unemployment] Unemployment rises for the first time in a year || The unemployment rate rose to {pct2} per cent in the three months to {month}, the first increase in a year, as employers held back on hiring.
    """),
}

DEKS = lines("""
    [rates,inflation,markets,retail,smallfirms,housing,unemployment] Economists say the next few months will be crucial for households and businesses
    [cuts,strike,plant,regulator] The announcement has been closely watched by workers and politicians in the region
    [profit,markets] Investors welcomed the figures, sending shares sharply higher in early trading
    [warning] The company blamed higher wage and energy costs for the decline
    [deal] Analysts say the deal will face close scrutiny from competition regulators
    [rates,inflation,housing] Economists expect borrowing costs to stay high for the rest of the year
    [cuts] Unions say the cuts will hit some of the country's poorest towns hardest
    [ceo] The board said it would begin the search for a successor immediately
""")

BODY = {
    "company": lines("""
        [profit,ceo] Revenue rose to {money_bn} in the twelve months to the end of {month}.
        [profit] The board recommended a higher final dividend and announced a share buyback worth {money}.
        [profit] Analysts had expected a more modest improvement, and the shares rose {pct2} per cent in morning trading.
        [deal] The deal, which has been approved by both boards, is expected to be completed in the second half of next year.
        [deal] Shareholders in {company2} will receive a mix of cash and new shares, valuing each share at a premium of about {pct_int} per cent.
        [deal] The combined group would control roughly a quarter of the market, which is likely to draw attention from competition regulators.
        [warning] The company blamed a sharp increase in raw material costs and weaker demand from business customers.
        [warning] It is the second profit warning from the group in less than a year.
        [regulator] The regulator said it had concerns that customers may have been overcharged and would publish its provisional findings within {n_word} months.
        [regulator] {company} said it would cooperate fully with the investigation and was confident its prices were fair.
        [warning,profit] Operating margins narrowed to {pct2} per cent, the lowest level since the company listed on the stock exchange.
        [profit,warning] Currency movements reduced reported profits by about {money}, the company said.
        [profit,deal,ceo] Net debt stood at {money} at the end of the period, down from a peak two years ago.
        [profit,ceo,cuts] The group has invested heavily in automation and online sales in recent years.
        [ceo] The board has appointed a firm of headhunters to find a successor and will consider internal and external candidates.
        [ceo] Under the outgoing chief executive, the company's share price roughly doubled.
        [ceo] The departure had been expected by some investors after a difficult year for the group.
        [regulator] If the regulator finds against the company, it could be fined up to {pct2} per cent of its annual turnover.
    """),
    "economy": lines("""
        [rates,housing] Borrowing costs have risen sharply over the past two years, putting pressure on households with variable-rate mortgages.
        [rates] The bank's rate-setting committee voted seven to two to keep rates on hold, with the minority favouring a cut.
        [inflation] Food price inflation slowed for a fourth month in a row, although the cost of some staples remains well above its level of three years ago.
        [inflation,rates] Core inflation, which strips out volatile items such as energy and food, was unchanged at {pct2} per cent.
        [markets] Traders said investors had been encouraged by signs that the economy was avoiding a recession.
        [retail] Sales volumes fell {pct2} per cent compared with the previous month, with clothing and furniture retailers hit hardest.
        [retail,smallfirms] Consumer confidence has been fragile since the start of the year, according to a survey by {broker}.
        [housing] Mortgage approvals, a closely watched indicator of future house prices, rose for a second month.
        [rates,inflation] Government bond yields fell after the announcement, suggesting markets expect rate cuts later in the year.
        [inflation,rates,markets] The currency rose against the dollar and the euro in early trading following the figures.
        [inflation,retail] Wage growth has outpaced inflation for {n_word} consecutive months, giving households a little more breathing room.
        [smallfirms,rates] Business investment remains weak, with many firms delaying spending decisions until the outlook becomes clearer.
        [markets] The index has gained {pct} per cent since January, outperforming most of its international peers.
        [unemployment] The number of people in work fell by {big} over the quarter, according to the statistics office.
        [unemployment] Economists said the labour market was cooling gradually rather than collapsing.
        [housing] First-time buyers now need a deposit worth more than a fifth of the purchase price in some parts of the country.
        [smallfirms] Many small businesses said late payments from larger customers were squeezing their cash flow.
        [smallfirms] The survey of {big} firms found that fewer than a third planned to hire more staff this year.
        [retail] Online sales rose slightly, accounting for {pct_int} per cent of all retail spending.
    """),
    "labour": lines("""
        [cuts] The cuts will fall mainly on head office and back-office roles, although some stores will also close.
        [cuts,strike,plant] {company} employs about {big} people, most of them in its {sector} division.
        [cuts] The company said it would try to achieve as many of the job losses as possible through voluntary redundancy.
        [strike] The union said staff had not received a real-terms pay rise for several years.
        [strike] The company said its pay offer of {pct2} per cent was fair and in line with the rest of the industry.
        [strike] Walkouts could disrupt deliveries in the run-up to the busy holiday season.
        [plant] The new site is expected to be operational by the end of next year, subject to planning approval.
        [plant] Local business leaders in {place} welcomed the investment, saying the town had lost hundreds of manufacturing jobs over the past decade.
        [unemployment] The number of job vacancies fell again in the latest quarter, according to the statistics office.
        [plant] Apprenticeships will make up about a fifth of the new roles, the company said.
        [smallfirms] Smaller suppliers have complained that they are being asked to wait up to {num} days for payment.
        [strike,cuts] Union officials said they would meet management again next week in an attempt to avert the strike.
    """),
    "any": lines("""
        Economists said the figures would be closely studied by policymakers at the central bank.
        Business groups have called on the government to do more to support investment and training.
        The latest figures come at a sensitive time for the economy, which has barely grown over the past year.
        The statistics office said the data could be revised as more information became available.
        Rising costs have been a recurring theme in company announcements and official surveys this year.
        Trade bodies say that many firms remain cautious about the months ahead.
        Investors have become increasingly sensitive to any sign that the economy is slowing.
        The government said the figures showed that its economic plan was working, a claim disputed by opposition parties.
        Labour costs have risen faster than productivity in many sectors, according to {broker}.
        Analysts at {broker} said it was too early to say whether the trend would continue.
        [warning,cuts,ceo] Shares in the company have fallen by more than a third over the past twelve months.
        [profit,warning,ceo,deal] Investors will be watching closely for any change in guidance when the company updates the market in {month}.
        The {sector} industry has been squeezed by higher costs and cautious customers since the start of the year.
        Economists at {broker} said the figures pointed to a gradual rather than a rapid recovery.
        [profit,deal,markets] The company's market value has risen to about {money_bn}.
        Higher interest rates have increased the cost of servicing corporate debt across the economy.
        [warning,profit,cuts] Several of the company's rivals have reported similar pressures in recent weeks.
        [profit,warning,retail] Analysts said the outlook for the second half of the year would depend on whether consumer spending holds up.
        [profit,warning,inflation,retail] The figures were released before the stock market opened on {day}.
        [deal,ceo,profit] Pension funds and other large investors hold most of the company's shares.
        The government has promised a review of business rates, which retailers say are unfairly high.
    """),
}

QUOTES = lines("""
    [profit] "These are strong results in a difficult market," {p1r} said.
    [cuts,warning] "We have made difficult decisions, but they are the right ones for the long-term health of the business," {p1} said.
    [profit,markets] "The numbers look good, but the outlook is where the real questions are," {p2r} said.
    [strike] "Nobody votes to strike lightly," {p3r} said. "Our members have simply run out of options."
    "We are not finished," {p1} said.
    [warning] "The market had priced in perfection, and this was not perfection," said {p2}.
    [retail,smallfirms,markets,housing] "Confidence is coming back, but slowly," {p2} said.
    [deal] "It's a bold deal, and bold deals attract scrutiny," {p2r} said.
    [plant] "For a town like {place}, this is a big moment," {p3r} said.
    [profit,warning] {p1} described trading conditions as "challenging but improving".
    [regulator] "Customers deserve to know that they are paying a fair price," a spokesperson for the regulator said.
    [warning,cuts] "Our focus now is on cash, costs and customers," {p1} told analysts on a conference call.
    [inflation,rates,retail,housing,unemployment] "Households are still feeling the squeeze, whatever the headline figure says," said {p3}.
    [unemployment,smallfirms] "Employers are being cautious, and you can see it in the hiring numbers," {p2r} said.
""")

CLOSES = lines("""
    [profit,warning,ceo,cuts] {company} will publish a trading update in {month}.
    [profit,warning,deal,markets] Shares closed {pct2} per cent higher.
    [rates,inflation,housing] The central bank's next rate decision is due in {month}.
    [strike] The union said further strike dates could be announced within weeks.
    [regulator,deal] The regulator is expected to report its findings early next year.
    {company} declined to comment further.
""")

CAPTIONS = lines("""
        The city skyline at dusk
    [profit,warning,cuts,strike,regulator] A {company} distribution centre near {place}
    [markets,rates,inflation,profit,warning,deal] Traders at work on the exchange floor
    {p1} at the company's headquarters in {place}
    [retail,inflation,smallfirms] Shoppers on a high street in {place}
    [strike] Workers on a picket line outside a {company} depot
""")

TAGS = ["Markets", "Economy", "Interest rates", "Inflation", "Jobs", "Retail", "Companies"]
TAG_SLOTS = ["company", "sector"]
