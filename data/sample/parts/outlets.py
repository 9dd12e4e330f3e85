"""Fictional outlets and their recurring boilerplate ("chaff").

Each outlet has its own wording for every kind of chaff it uses (6-10 kinds,
2-4 variants each).  Conventions inside variant strings:

  " || "  separates a message from its button / call-to-action text
  " | "   separates items of a link list (menus, share bars, footer links)
  " ## "  separates lines (footers)

Placeholders filled per page: {outlet} {short} {year} {author} {role}
{beat} {date} {adate} {what} {section} {caption} {photographer}
{headline} {handle} {n_comments} {first}
"""

STD_SECTIONS = {
    "world": ("world", "World"),
    "politics": ("politics", "Politics"),
    "business": ("business", "Business"),
    "sport": ("sport", "Sport"),
    "technology": ("technology", "Technology"),
    "science": ("science", "Science"),
    "health": ("health", "Health"),
}


def sections(**over):
    out = dict(STD_SECTIONS)
    for topic, slug in over.items():
        out[topic] = (slug, STD_SECTIONS[topic][1])
    return out


OUTLETS = [
    dict(
        domain="harbourgazette.example", name="The Harbour Gazette", short="the Gazette",
        layout="gazette", typo="curly", ent="named", nbsp=True, date_fmt="dmy",
        slug="words", dek_rate=0.8, sections=sections(),
        photographers=["Jane Doe", "Marek Tolland", "Efua Mensah"],
        chaff={
            "nav": [
                "Home | News | World | Politics | Business | Sport | Technology | Science | Health | Opinion | Puzzles",
                "News | Sport | Opinion | Culture | Lifestyle | Puzzles | Jobs",
            ],
            "donation": [
                "Your support helps us to tell the story. The Gazette has no billionaire owner and no paywall: just readers like you. || Support Now",
                "Before you go: independent journalism costs money to make. If you value what you read here, please consider a contribution from as little as £1. || Support Now",
                "We have a small favour to ask. Millions of people turn to the Gazette every month, and we keep our reporting free for all of them. || Support the Gazette",
            ],
            "newsletter": [
                "Sign up to First Edition, our free morning briefing, delivered before breakfast. || Sign up",
                "Get the Gazette's best stories in your inbox every evening. Free, and you can unsubscribe at any time. || Sign me up",
            ],
            "share": [
                "Share on Facebook | Share on X | Share via Email",
                "Facebook | X | WhatsApp | Email | Copy link",
            ],
            "caption": [
                "{caption}. Photo: {photographer}/The Harbour Gazette",
                "{caption}. Photograph: {photographer} for the Gazette",
            ],
            "related": ["More on this story", "Related stories", "Most viewed in {section}"],
            "author": [
                "{author} is the Gazette's {beat} correspondent.",
                "{author} has reported on {beat} for the Harbour Gazette since {first}.",
            ],
            "footer": [
                "© {year} The Harbour Gazette Ltd. All rights reserved. ## About us | Contact | Privacy policy | Terms & conditions | Advertise",
                "About us | Contact us | Complaints & corrections | Privacy | Terms ## © {year} Harbour Gazette Media Group",
            ],
            "amended": [
                "This article was amended on {adate} to correct {what}.",
                "This article was amended on {adate}. An earlier version gave {what} incorrectly.",
            ],
        },
    ),
    dict(
        domain="northfieldpost.example", name="Northfield Post", short="the Post",
        layout="storybody", typo="ascii", ent="raw", nbsp=False, date_fmt="mdy",
        slug="words-id", dek_rate=0.5,
        sections=sections(world="international", business="money", sport="sports", technology="tech"),
        photographers=["Arlo Benning", "Chidi Okoro"],
        chaff={
            "nav": [
                "Local | International | Politics | Money | Sports | Tech | Science | Health | Obituaries | E-Edition",
                "Home | Local | Sports | Weather | Obituaries | Subscribe",
            ],
            "cookie": [
                "We use cookies to improve your experience and to show you relevant ads. By continuing to browse, you agree to our use of cookies. || Accept | Manage settings",
                "This site uses cookies. Some are essential, others help us understand how you use the Post. || OK, got it | Cookie settings",
            ],
            "paywall": [
                "You've read {n_comments} of your 5 free articles this month. || Subscribe for $1 a week",
                "Subscribers get unlimited access to the Northfield Post on any device. Already a subscriber? Log in. || See offers",
                "This story is for subscribers. Keep reading with a digital subscription. || Start your trial",
            ],
            "share": [
                "Share | Tweet | Email | Print",
                "Share this story: Facebook | X | LinkedIn | Email",
            ],
            "readmore": [
                "READ MORE: {headline}",
                "Related: {headline}",
                "Also on the Post: {headline}",
            ],
            "popular": ["Trending now", "Most read", "Popular on the Post"],
            "tags": ["Filed under: {tags}", "Topics: {tags}"],
            "footer": [
                "Copyright © {year} Northfield Post, a Crestline Media company ## Contact Us | Advertise | Careers | Terms of Use | Privacy Notice | Do Not Sell My Info",
                "Northfield Post ## Customer Service | Manage Subscription | Newsroom Directory | Privacy | Terms",
            ],
        },
    ),
    dict(
        domain="dailylantern.example", name="The Daily Lantern", short="the Lantern",
        layout="lantern", typo="curly", ent="numeric", nbsp=False, date_fmt="short",
        slug="words", dek_rate=0.6,
        sections=sections(world="world-news", politics="politics-news", sport="sport-news"),
        photographers=["Petra Vukovic", "Samuel Achterberg", "Lin Haddad"],
        chaff={
            "nav": [
                "News | World News | Politics | Business | Sport | Tech | Science | Health | Showbiz | TV | Travel",
                "Front page | News | Sport | Money | Health | Puzzles | Horoscopes",
            ],
            "donation": [
                "Help keep the Lantern burning. Reader donations pay for our reporters on the ground. || Donate",
                "The Lantern is funded by its readers. A one-off gift of any size keeps this journalism open to all. || Give today",
            ],
            "newsletter": [
                "Want the day's biggest stories sent straight to you? Join our Lantern Lunchtime email. || Join",
                "Don't miss a thing: sign up for breaking news alerts from the Daily Lantern. || Get alerts",
                "Our free weekend newsletter rounds up the stories everyone is talking about. || Subscribe free",
            ],
            "caption": [
                "{caption} (Image: {photographer})",
                "{caption} (Picture: {photographer}/Daily Lantern)",
            ],
            "comments": [
                "Join the debate: {n_comments} comments",
                "Have your say. Comments are moderated and may take a few minutes to appear.",
            ],
            "popular": ["Most read", "Don't miss", "Top stories"],
            "ad": ["Advertisement", "ADVERTISEMENT", "Story continues below"],
            "footer": [
                "© Daily Lantern Newspapers {year} ## Contact us | How to complain | Corrections | Cookie policy | Privacy notice | Terms and conditions | Site map",
                "Daily Lantern: Part of Beacon House Media ## Advertise with us | Syndication | Contact | Privacy",
            ],
        },
    ),
    dict(
        domain="riverbendtribune.example", name="Riverbend Tribune", short="the Tribune",
        layout="tribune", typo="ascii", ent="named", nbsp=False, date_fmt="mdy",
        slug="date-words", dek_rate=0.3,
        sections=sections(world="nation-world", business="business-news", technology="science-tech",
                          science="science-tech", health="living-health"),
        photographers=["Gordon Fenwick", "Alma Ferreira"],
        chaff={
            "nav": [
                "Home | News | Nation & World | Business | Sports | Living | Opinion | Classifieds | Contact",
                "News | Sports | Obits | Classifieds | Weather | Contact",
            ],
            "related": ["Related Articles", "Other stories you may like", "More Tribune headlines"],
            "share": [
                "Email this story | Print this story",
                "E-mail | Print | Share",
            ],
            "breadcrumb": [" > ", " >> "],
            "comments": [
                "Comments are closed on this article.",
                "Post a comment: you must be logged in to comment. Register | Log in",
            ],
            "ad": ["Advertisement", "- Advertisement -"],
            "footer": [
                "Riverbend Tribune, 14 Mill Street, Riverbend ## Copyright {year} Riverbend Tribune Publishing Co. All rights reserved. ## Contact | Subscribe | Place an Ad | Privacy",
                "All content © {year} Riverbend Tribune ## Home | Contact us | Terms of Service",
            ],
        },
    ),
    dict(
        domain="meridianledger.example", name="The Meridian Ledger", short="the Ledger",
        layout="ledger", typo="curly", ent="raw", nbsp=False, date_fmt="upd",
        slug="words-hash", dek_rate=0.9,
        sections=sections(world="global", business="markets", technology="tech", health="health-care"),
        photographers=["Nadia Rennard", "Kofi Laidlaw"],
        chaff={
            "nav": [
                "Markets | Companies | Economy | Global | Politics | Tech | Science | Health Care | Sport | Opinion",
                "Ledger Live | Markets Data | Portfolio | Newsletters | Events",
            ],
            "paywall": [
                "Continue reading with a Ledger subscription. Unlimited access to award-winning journalism. || Subscribe now",
                "You have reached your limit of free articles. Subscribe for complete digital access. || View plans",
            ],
            "newsletter": [
                "The Morning Ledger: the five things you need to know before markets open. || Sign up",
                "Get our Markets Close briefing delivered at 5pm every weekday. || Sign up free",
            ],
            "cookie": [
                "We use cookies and similar technologies to provide our services, personalise content and measure audiences. || Accept cookies | Reject non-essential",
                "Your privacy choices: we and our partners store and access information on your device. || Accept all | Customise",
            ],
            "related": ["Recommended", "Related coverage", "More from the Ledger"],
            "author": [
                "{author} is the Ledger's {beat} correspondent, based in {section_city}.",
                "Write to {author} at {handle}@meridianledger.example",
            ],
            "share": [
                "Share | Save | Gift this article",
                "Copy link | Email | Post | Save",
            ],
            "tags": ["Topics: {tags}", "Follow the topics in this article: {tags}"],
            "footer": [
                "© {year} The Meridian Ledger. All rights reserved. ## Help Centre | Accessibility | Contact us | Cookies | Privacy | Terms of use | Manage subscription",
                "The Meridian Ledger ## Careers | Advertise | Licensing | Privacy | Terms",
            ],
        },
    ),
    dict(
        domain="coastlinecourier.example", name="Coastline Courier", short="the Courier",
        layout="courier", typo="ascii", ent="named", nbsp=True, date_fmt="dmy",
        slug="words", dek_rate=0.5,
        sections=sections(world="news/world", sport="sports", technology="tech"),
        photographers=["Gus Halloran", "Mira Calloway", "Tess Oyelaran"],
        chaff={
            "nav": [
                "News | World | Politics | Business | Sports | Tech | Science | Health | What's On | Property",
                "Latest | Local | Coast | Weather | Tide Times | Jobs",
            ],
            "donation": [
                "Local news matters. The Courier relies on readers to keep reporting on the coast. Chip in what you can. || Contribute",
                "Reporting from every harbour and headland takes time and money. Become a Courier supporter today. || Become a supporter",
            ],
            "newsletter": [
                "Get the Courier's Coast Daily in your inbox - every morning at 7am. || Subscribe",
                "Breaking news from the coast, straight to your email. || Sign up now",
            ],
            "caption": [
                "{caption} | Photo: {photographer}",
                "{caption}. Image credit: {photographer}/Coastline Courier",
            ],
            "share": [
                "Share this article | Facebook | X | Email",
                "Share: Facebook | WhatsApp | Email | Copy link",
            ],
            "popular": ["Most Popular", "Trending on the Coast", "Most read today"],
            "footer": [
                "Coastline Courier © {year} ## About | Contact | Advertise | Privacy | Terms | Corrections",
                "© {year} Coastline Courier Ltd ## Contact the newsroom | Submit a story | Privacy | Terms",
            ],
        },
    ),
    dict(
        domain="thewirehouse.example", name="The Wirehouse", short="Wirehouse",
        layout="wire", typo="ascii", ent="raw", nbsp=False, date_fmt="iso",
        slug="id-words", dek_rate=0.0,
        sections=sections(world="world-news", politics="politics-news", business="business-news",
                          sport="sports-news", technology="technology-news", science="science-news",
                          health="health-news"),
        photographers=["Wirehouse staff"],
        chaff={
            "nav": [
                "World | Politics | Business | Markets | Sports | Technology | Science | Health",
                "Wirehouse home | Latest | Media centre | Contact",
            ],
            "related": ["Related coverage", "More from Wirehouse", "See also"],
            "author": [
                "Reporting by {author}; Editing by {editor}",
                "Reporting by {author} in {city}; additional reporting by {editor}; Editing by {editor2}",
                "Writing by {author}; Editing by {editor}",
            ],
            "share": [
                "Share | Email | Print",
                "Facebook | X | LinkedIn | Email | Link",
            ],
            "amended": [
                "Corrects {what}",
                "Adds comment from {what_short} in paragraph {n_par}",
            ],
            "tags": ["Our Standards: The Wirehouse Trust Principles.", "Licensing rights: purchase reprint rights for this article."],
            "footer": [
                "All quotes delayed a minimum of 15 minutes. ## © {year} The Wirehouse. All rights reserved. ## Terms of use | Privacy | Accessibility | Corrections",
                "The Wirehouse, the news agency for the coast and beyond. ## © {year} Wirehouse Ltd ## Contact | Terms | Privacy",
            ],
        },
    ),
    dict(
        domain="valleyobserver.example", name="Valley Observer", short="the Observer",
        layout="wordpress", typo="curly", ent="named", nbsp=False, date_fmt="mdy",
        slug="words", dek_rate=0.3,
        sections=sections(world="news-world", politics="news-politics", business="news-business"),
        photographers=["Ewan Grisewood", "Halima Tierney"],
        chaff={
            "nav": [
                "Home | News | World | Politics | Business | Sport | Technology | Science | Health | Events | Donate",
                "About | Team | Events | Donate | Contact",
            ],
            "donation": [
                "The Valley Observer is a nonprofit newsroom. Your support helps us to tell the stories that matter in the valley. || Donate now",
                "Did you find this useful? The Observer is free to read because readers like you chip in. || Give monthly",
                "Reader-funded, independent, local. Join more than 2,000 members who keep the Observer going. || Become a member",
            ],
            "newsletter": [
                "Sign up for The Valley Weekly, our free Friday newsletter. || Subscribe",
                "Get the Observer in your inbox. One email, every weekday, no spam. || Sign up",
            ],
            "comments": [
                "Leave a Reply. Your email address will not be published. Required fields are marked *",
                "{n_comments} Comments | Add a comment",
            ],
            "tags": ["Tags: {tags}", "Posted in {section} | Tagged {tags}"],
            "related": ["Related Posts", "You may also like", "More from the valley"],
            "caption": [
                "{caption}. (Photo by {photographer}/Valley Observer)",
                "{caption}. Credit: {photographer}",
            ],
            "cookie": [
                "This website uses cookies to ensure you get the best experience. || Got it!",
                "We use cookies for analytics. You can opt out at any time. || Accept | Decline",
            ],
            "breadcrumb": [" » ", " / "],
            "footer": [
                "© {year} Valley Observer. Proudly nonprofit. ## About Us | Our Team | Ethics Policy | Contact | Privacy Policy",
                "Valley Observer is a registered charity. ## Donate | Contact | Privacy | Republish our stories",
            ],
        },
    ),
    dict(
        domain="kestrelreview.example", name="Kestrel Review", short="the Review",
        layout="react", typo="ascii", ent="raw", nbsp=False, date_fmt="mdy",
        slug="words-id", dek_rate=0.9,
        sections=sections(world="world", technology="tech", science="science-news", health="wellness"),
        photographers=["Idris Stroud", "Mei Whitlock"],
        chaff={
            "nav": [
                "Latest | World | Politics | Business | Sport | Tech | Science | Wellness | Longreads | Podcasts",
                "Sections | Search | Sign in | Subscribe",
            ],
            "paywall": [
                "Already a member? Sign in. Unlock every story for $4.99 a month. || Become a member",
                "This is your last free story this month. || Subscribe and save 50%",
            ],
            "newsletter": [
                "The Kestrel Brief: smart news, five minutes, every weekday morning. || Get the Brief",
                "Enjoying this story? Get more like it, delivered weekly. || Subscribe",
            ],
            "share": [
                "Copy link | Share on X | Share on Facebook | Share on LinkedIn",
                "Share this article",
            ],
            "popular": ["Most Popular", "Reader favourites", "What everyone is reading"],
            "author": [
                "{author} is a {role_lower} at Kestrel Review covering {beat}.",
                "{author} writes about {beat} for Kestrel Review. Reach out at {handle}@kestrelreview.example.",
            ],
            "ad": ["Advertisement", "Sponsored", "AD"],
            "footer": [
                "Kestrel Review © {year} Kestrel Media Inc. ## About | Careers | Masthead | Ethics | Privacy Policy | Terms of Service | Sitemap",
                "© {year} Kestrel Media ## Help | Contact | Privacy | Terms",
            ],
        },
    ),
    dict(
        domain="pinecrestherald.example", name="Pinecrest Herald", short="the Herald",
        layout="pinecrest", typo="curly", ent="numeric", nbsp=False, date_fmt="dots",
        slug="words", dek_rate=0.4, sections=sections(),
        photographers=["Bettina Rosier", "Lorcan Maberley"],
        chaff={
            "nav": [
                "Home | News | World | Politics | Business | Sport | Technology | Science | Health | Letters",
                "Herald | Notices | Letters | Archive",
            ],
            "donation": [
                "Support the Herald: a gift of any size helps us keep reporting on Pinecrest and beyond. || Give now",
                "The Herald is owned by a charitable trust, not shareholders. Your support keeps it that way. || Support us",
            ],
            "share": [
                "Share: Facebook | X | Email",
                "Send this to a friend | Print",
            ],
            "caption": [
                "{caption}. Photo by {photographer}",
                "Pictured: {caption}. (Photo: {photographer}/Pinecrest Herald)",
            ],
            "breadcrumb": [" / ", " › "],
            "comments": [
                "Letters to the editor: have your say on this story by emailing letters@pinecrestherald.example",
                "Comments ({n_comments}). Please keep it civil.",
            ],
            "footer": [
                "Pinecrest Herald © {year}. Published by the Pinecrest Herald Trust. ## About | Contact | Editorial code | Privacy",
                "© Pinecrest Herald {year} ## Subscriptions | Notices | Contact | Privacy",
            ],
        },
    ),
    dict(
        domain="ironbridgechronicle.example", name="Ironbridge Chronicle", short="the Chronicle",
        layout="ironbridge", typo="ascii", ent="named", nbsp=True, date_fmt="short",
        slug="words", dek_rate=0.7,
        sections=sections(technology="sci-tech", science="sci-tech"),
        photographers=["Sunniva Rask", "Teodor Albescu"],
        chaff={
            "nav": [
                "News | World | Politics | Business | Sport | Sci-Tech | Health | Features | Letters",
                "Home | Local | What's on | Property | Motors | Jobs",
            ],
            "newsletter": [
                "Sign up for the Chronicle Daily: the day's top stories, sent every evening. || Sign up",
                "Want more stories like this? Get our free {section} newsletter every Thursday. || Subscribe",
            ],
            "cookie": [
                "Cookies on the Chronicle: we use some essential cookies to make this website work. We'd like to set additional cookies to understand how you use the site. || Accept additional cookies | Reject additional cookies",
                "We value your privacy. || Agree | More options",
            ],
            "related": ["Related Topics", "More on this story", "Top Stories"],
            "caption": [
                "IMAGE SOURCE, {photographer_upper}. Image caption, {caption}",
                "{caption}. Picture: {photographer}",
            ],
            "author": [
                "By {author}, {role}",
                "{author} is the Chronicle's {beat} reporter. Contact: {handle}@ironbridgechronicle.example",
            ],
            "ad": ["Advertisement", "ADVERTISEMENT"],
            "amended": [
                "Correction: This article was amended on {adate} to correct {what}.",
                "Update {adate}: An earlier version of this story misstated {what}.",
            ],
            "footer": [
                "Copyright © {year} Ironbridge Chronicle. The Chronicle is not responsible for the content of external sites. ## Terms of Use | About the Chronicle | Privacy Policy | Cookies | Accessibility Help | Contact the Chronicle",
                "© {year} Ironbridge Chronicle Ltd ## About | Contact | Privacy | Terms",
            ],
        },
    ),
    dict(
        domain="saltmarshtimes.example", name="Saltmarsh Times", short="the Times",
        layout="microdata", typo="curly", ent="named", nbsp=False, date_fmt="dmy",
        slug="words", dek_rate=0.6,
        sections=sections(world="news/world", politics="news/politics"),
        photographers=["Rosalind Carrick", "Pieter Drummond"],
        chaff={
            "nav": [
                "News | World | Politics | Business | Sport | Technology | Science | Health | Comment | Weather",
                "Today's paper | Archive | Crosswords | Subscribe",
            ],
            "paywall": [
                "Read the full story with a Saltmarsh Times subscription. First month free, cancel anytime. || Start free trial",
                "Exclusive to subscribers. Join today for unlimited access across web and app. || Subscribe",
            ],
            "donation": [
                "If you value the Saltmarsh Times, support us today. Every contribution, however big or small, powers our journalism. || Support the Times",
                "Independent journalism needs independent funding. || Make a contribution",
            ],
            "share": [
                "Share this article | Share on Facebook | Share on X | Share by email",
                "Share | Comment | Save",
            ],
            "tags": ["More on: {tags}", "Explore more on these topics: {tags}"],
            "popular": ["Most read", "Editor's picks", "Latest from the Times"],
            "footer": [
                "© Saltmarsh Times {year}. Registered in the Marram Coast. ## About us | Contact | Complaints | Privacy settings | Terms",
                "Saltmarsh Times ## Advertise | Help | Privacy | Cookie settings | Terms",
            ],
        },
    ),
    dict(
        domain="brightwatermonitor.example", name="Brightwater Monitor", short="the Monitor",
        layout="styled", typo="ascii", ent="raw", nbsp=False, date_fmt="upd",
        slug="words-id", dek_rate=0.5,
        sections=sections(world="world-affairs", technology="tech", science="science-environment"),
        photographers=["Olumide Kowalczyk", "Freya Ventimiglia"],
        chaff={
            "nav": [
                "World Affairs | Politics | Business | Sport | Tech | Science & Environment | Health | Video",
                "Monitor Daily | Podcasts | Events | Shop",
            ],
            "newsletter": [
                "Stay informed: get the Brightwater Monitor Weekly delivered to your inbox. || Sign up",
                "Join {n_comments},000 readers who start their day with the Monitor Morning. || Subscribe",
            ],
            "cookie": [
                "Brightwater Monitor uses cookies to personalise content and ads. Read our cookie policy. || Accept | Reject",
                "Manage consent preferences || Allow all | Confirm my choices",
            ],
            "caption": [
                "{caption}. {photographer}/Brightwater Monitor",
                "{caption} ({photographer})",
            ],
            "readmore": [
                "Read more: {headline}",
                "Also read | {headline}",
            ],
            "share": [
                "Share | Facebook | X | Email | Copy link",
                "Share this story",
            ],
            "comments": [
                "Show comments ({n_comments})",
                "Join the conversation. Sign in to comment.",
            ],
            "footer": [
                "Brightwater Monitor © {year}, all rights reserved ## About | Contact | Careers | Privacy | Terms | Accessibility",
                "© {year} Brightwater Monitor ## Contact | Privacy | Terms",
            ],
        },
    ),
    dict(
        domain="copperfieldstar.example", name="Copperfield Star", short="the Star",
        layout="legacy", typo="ascii", ent="legacy", nbsp=False, date_fmt="dmy",
        slug="words-num", dek_rate=0.2,
        sections=sections(world="news/world", politics="news/politics", business="news/business",
                          technology="news/technology", science="news/science", health="news/health"),
        photographers=["Fintan Harrowby", "Clodagh Petrakis"],
        chaff={
            "nav": [
                "HOME | NEWS | WORLD | POLITICS | BUSINESS | SPORT | TECHNOLOGY | SCIENCE | HEALTH | CONTACT",
                "Home | News | Sport | Classified | Contact",
            ],
            "related": ["Other news", "Also in today's Star", "See also"],
            "ad": ["Advertisement", "ADVERTISEMENT", "Sponsored Links"],
            "donation": [
                "The Star has served Copperfield since 1887. Help us keep going: donate to the Star Fund. || Donate",
                "Like what you read? Support local reporting. || Click here to support the Star",
            ],
            "breadcrumb": [" > ", " :: "],
            "footer": [
                "Copperfield Star - Copyright {year} - All Rights Reserved ## Contact the Star | Advertising | Privacy",
                "(c) {year} Copperfield Star Newspapers ## Home | Contact | Privacy",
            ],
        },
    ),
]

# Two further outlets used only for the "unseen outlets" demo set.
UNSEEN_OUTLETS = [
    dict(
        domain="lakeshoredispatch.example", name="Lakeshore Dispatch", short="the Dispatch",
        layout="dispatch", typo="curly", ent="named", nbsp=True, date_fmt="mdy",
        slug="words", dek_rate=0.7, sections=sections(world="nation-world", technology="tech"),
        photographers=["Yara Quinlan", "Desmond Aldana"],
        chaff={
            "nav": [
                "News | Nation & World | Politics | Business | Sport | Tech | Science | Health | Lake Life",
                "Dispatch | E-paper | Puzzles | Newsletters",
            ],
            "newsletter": [
                "Get The Dispatch Daily, free every morning. || Sign up",
                "Sign up for Lakeshore Alerts and never miss breaking news. || Get alerts",
            ],
            "donation": [
                "Your support helps us to tell the lake's stories. || Support the Dispatch",
                "Quality local reporting is not free to produce. If you can, please chip in. || Chip in",
            ],
            "share": [
                "Share on Facebook | Share on X | Email this",
                "Share | Print | Email",
            ],
            "related": ["Read next", "More from the Dispatch"],
            "caption": [
                "{caption}. (Dispatch photo/{photographer})",
                "{caption}. {photographer} for the Dispatch",
            ],
            "footer": [
                "© {year} Lakeshore Dispatch, Inc. ## About us | Contact | Privacy | Terms",
                "Lakeshore Dispatch ## Help | Ethics | Privacy | Terms of sale",
            ],
        },
    ),
    dict(
        domain="hollowayvoice.example", name="Holloway Voice", short="the Voice",
        layout="voice", typo="ascii", ent="raw", nbsp=False, date_fmt="iso",
        slug="words-id", dek_rate=0.4, sections=sections(business="economy", sport="sports"),
        photographers=["Margit Nwachukwu", "Kenji Lachance"],
        chaff={
            "nav": [
                "Voice | News | World | Politics | Economy | Sports | Technology | Science | Health",
                "Login | Register | Subscribe",
            ],
            "paywall": [
                "Premium content. Subscribe to the Voice for full access. || Subscribe",
                "Free for registered readers. Create an account to keep reading. || Register",
            ],
            "cookie": [
                "The Voice and its partners use cookies. || Accept | Settings",
                "By using this site you consent to cookies. || OK",
            ],
            "popular": ["Most read on the Voice", "Popular now"],
            "tags": ["Keywords: {tags}", "Related topics: {tags}"],
            "footer": [
                "Holloway Voice © {year} ## Contact | Imprint | Privacy | Terms",
                "© {year} Voice Media Group ## About | Privacy",
            ],
        },
    ),
]

# Author job titles per topic (an outlet picks one deterministically).
ROLE_TITLES = {
    "world": ["World Affairs Correspondent", "Foreign Correspondent", "International Editor"],
    "politics": ["Political Correspondent", "Political Editor", "Parliamentary Reporter"],
    "business": ["Business Editor", "Economics Correspondent", "Markets Reporter"],
    "sport": ["Sports Reporter", "Chief Sports Writer", "Football Correspondent"],
    "technology": ["Technology Reporter", "Tech Editor", "Digital Correspondent"],
    "science": ["Science Correspondent", "Science Editor", "Environment and Science Reporter"],
    "health": ["Health Correspondent", "Health Editor", "Medical Reporter"],
}

BEATS = {
    "world": "foreign affairs",
    "politics": "politics",
    "business": "business and the economy",
    "sport": "sport",
    "technology": "technology",
    "science": "science",
    "health": "health",
}

AMEND_WHAT = [
    ("the spelling of a name", "a spokesperson"),
    ("a figure in the fourth paragraph", "an official"),
    ("the day of the week on which the announcement was made", "a spokesperson"),
    ("the job title of one of the people quoted", "the company"),
    ("the name of an organisation", "an analyst"),
]
