"""Shared fictional vocabulary: people, places, numbers.

Every name here is invented for the winnow sample corpus.  Any resemblance
of a first-name/surname pairing to a real person is accidental.
"""


def lines(block):
    """One template per non-blank line; lines starting with '#' are ignored."""
    out = []
    for raw in block.splitlines():
        s = raw.strip()
        if s and not s.startswith("#"):
            out.append(s)
    return out


FIRST_NAMES = lines("""
Amara
Tobias
Inés
Rafael
Siobhan
Kwame
Helena
Dmitri
Priya
Mateo
Yusuf
Greta
Olumide
Freya
Hamid
Lucia
Niamh
Bastian
Chiara
Emeka
Saskia
Tomasz
Leila
Oskar
Farah
Ruairi
Anneke
Jonas
Mei
Callum
Zainab
Pieter
Rosalind
Idris
Marisol
Ewan
Ayesha
Henrik
Nadia
Fintan
Esther
Kofi
Ingrid
Rohan
Delphine
Mattias
Sunniva
Adebayo
Clodagh
Teodor
Yara
Lorcan
Bettina
Kenji
Renée
Desmond
Ottilie
Ravi
Margit
Joël
Zoë
Søren
Agnès
Tomáš
Halima
Benedikt
Orla
Santiago
""")

SURNAMES = lines("""
Okafor
Brennick
Halloran
Castellane
Dunmore
Varga
Kettering
Amadi
Lindqvist
Rosier
Tembe
Marchetti
Oduya
Fairweather
Szabo
Harrowby
Nakamura
Pellegrin
Achterberg
Mwangi
Calloway
Ferreira
Thistlewood
Osei
Drummond
Vasquez
Holmqvist
Adeyemi
Penhaligon
Rask
Merriweather
Kowalczyk
Ibekwe
Stroud
Haddad
Fenwick
Oyelaran
Brightwell
Janssen
Okoro
Trevelyan
Sorensen
Abara
Whitlock
Lachance
Nkemelu
Tierney
Vukovic
Quinlan
Mbatha
Ellory
Grisewood
Aldana
Petrakis
Hargreave
Ostrowski
Nwachukwu
Rennard
Ferrant
Laidlaw
Mensah
Dubrovsky
Carrick
Albescu
Tolland
Maberley
Quaresma
Ventimiglia
""")

# Fictional towns and cities at home.
PLACES = lines("""
Carrow Bay
Eastmere
Lindhaven
Port Aster
Wexley Green
Tarnholm
Brackenford
Sollis
Kelvarra
Dunmore Flats
Fennick
Maltby Cross
Oakridge Vale
Saltby Haven
Greywater
Wrenmouth
Castlereach
Penmorrow
Hollin Bridge
Marram Point
Thornwick
Ravensholt
Glenarrow
Heathmoor
Ashby Tarn
Colvern
""")

REGIONS = lines("""
the Northern Reaches
the Marram Coast
the Tarn Valley
the lower Sollis basin
the Greywater Hills
the Eastern Shires
the Kelvarra peninsula
the Brackenford lowlands
""")

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
CURRENCIES = ["£", "$", "€"]
