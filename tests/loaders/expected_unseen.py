"""What each document in ``tests/loaders/docs/`` must yield: written by hand from the documents.

These documents were written for the tests (none of their bodies or people is in the registry except
NASA, ESA, NOAA, NSF and the U.S. NAS, which are). Each entry says, for one document:

- ``title``, ``issued``, ``modified``: the document's metadata after cleaning;
- ``organizations``, ``persons``: the EXACT sets of labels (anything more is spurious);
- ``posts``: (person, role title, organization);
- ``events``: label -> start, end, ordinal, city, country, series (None where the text gives none);
- ``delegations``: (event, country or None, count, precision);
- ``agreements``: (kind, parties, status);
- ``cooperations``: label -> start year, countries, partners (at least), focus areas (exactly), number
  of outcomes;
- ``relations``: (subject, predicate, object) by label, for sponsors, attendees, chairs, platforms,
  parents, countries, cooperation partners.
"""

from __future__ import annotations

EXPECTED: dict[str, dict] = {
    "sino-german-earth-data-workshops.txt": dict(
        title="Sino-German Workshop on Earth Data", issued=None, modified="2021-03-09",
        organizations={"Institute of Geographic Sciences and Natural Resources Research", "German Research Centre for Geosciences"},
        persons=set(),
        posts=set(),
        events={
            "First Sino-German Workshop": dict(start="2013-05-14", end="2013-05-16", ordinal=1, city="Beijing", country="China", series="Sino-German Workshop on Earth Data"),
            # "Secnod": a misspelt ordinal
            "Second Sino-German Workshop": dict(start="2015-09-08", end="2015-09-10", ordinal=2, city="Potsdam", country="Germany", series="Sino-German Workshop on Earth Data"),
            "Third Sino-German Workshop on Earth Data": dict(start="2019-06-12", end="2019-06-14", ordinal=3, city="Potsdam", country="Germany", series="Sino-German Workshop on Earth Data"),
        },
        delegations={
            ("First Sino-German Workshop", "Germany", 22, "ExactCount"), ("First Sino-German Workshop", "China", 30, "ExactCount"),
            ("Second Sino-German Workshop", "Germany", 35, "ExactCount"), ("Second Sino-German Workshop", "China", 28, "ExactCount"),
            ("Third Sino-German Workshop on Earth Data", "Germany", 40, "ExactCount"),
            ("Third Sino-German Workshop on Earth Data", "China", 35, "Approximate"),
        },
        agreements={("MemorandumOfUnderstanding", frozenset({"Institute of Geographic Sciences and Natural Resources Research", "German Research Centre for Geosciences"}), "Established")},
        cooperations={"Sino-German Workshop on Earth Data": dict(
            start="2013", countries={"China", "Germany"},
            partners={"Institute of Geographic Sciences and Natural Resources Research", "German Research Centre for Geosciences"},
            focus={"Satellite remote sensing data", "Geohazard monitoring", "Data publication and citation"}, outcomes=3)},
        relations={
            ("Launch of the Sino-German Geodata Portal", "ckg:involves", "Sino-German Geodata Portal"),
        },
    ),
    "quakenet-kickoff-news.txt": dict(
        title='Kick-off Meeting of the Project "Seismic Data Exchange for Southeast Asia" Held in Bangkok', issued="2022-04-02", modified=None,
        organizations={"Faculty of Science", "Chulalongkorn University", "Thai Meteorological Department", "Royal Netherlands Meteorological Institute",
                       "Kasetsart University", "Institute of Geophysics", "China Earthquake Administration", "European Union",
                       "Thailand Science Research and Innovation"},
        persons={"Somchai Wongsakul", "Anna de Vries", "CHEN Li"},
        posts={("Somchai Wongsakul", "Dean", "Faculty of Science"),
               ("Anna de Vries", "Senior Scientist", "Royal Netherlands Meteorological Institute"),
               ("CHEN Li", "Director", "Institute of Geophysics")},
        events={"Kick-off meeting of Seismic Data Exchange for Southeast Asia": dict(start="2022-03-22", end=None, ordinal=None, city="Bangkok", country="Thailand", series=None, inferred=True)},
        delegations={("Kick-off meeting of Seismic Data Exchange for Southeast Asia", None, 100, "MoreThan")},
        agreements=set(),
        cooperations={},
        relations={
            ("Kick-off meeting of Seismic Data Exchange for Southeast Asia", "ckg:chair", "Somchai Wongsakul"),
            ("Kick-off meeting of Seismic Data Exchange for Southeast Asia", "schema:about", "Seismic Data Exchange for Southeast Asia"),
            ("Seismic Data Exchange for Southeast Asia", "schema:sponsor", "Horizon 2020 programme"),
            ("Seismic Data Exchange for Southeast Asia", "schema:sponsor", "Thailand Science Research and Innovation"),
            ("Kick-off meeting of Seismic Data Exchange for Southeast Asia", "schema:attendee", "Thai Meteorological Department"),
            ("Kick-off meeting of Seismic Data Exchange for Southeast Asia", "schema:attendee", "Royal Netherlands Meteorological Institute"),
            ("Kick-off meeting of Seismic Data Exchange for Southeast Asia", "schema:attendee", "Kasetsart University"),
            ("Faculty of Science", "org:subOrganizationOf", "Chulalongkorn University"),
            ("Institute of Geophysics", "org:subOrganizationOf", "China Earthquake Administration"),
            ("Seismic Data Exchange for Southeast Asia", "ckg:builds", "regional platform for seismic data sharing"),
            ("regional platform for seismic data sharing", "ckg:basedOn", "Thai Meteorological Department"),
        },
    ),
    "uk-us-research-data-partnership.md": dict(
        title="UK-US Research Data Partnership", issued=None, modified="2020-11-30",
        organizations={"Digital Curation Centre", "University of Edinburgh", "Inter-university Consortium for Political and Social Research",
                       "University of Michigan", "National Aeronautics and Space Administration", "European Space Agency"},
        persons={"Margaret Hughes", "James O'Connor"},
        posts={("Margaret Hughes", "Director", "Digital Curation Centre"),
               ("James O'Connor", "Executive Director", "Inter-university Consortium for Political and Social Research")},
        events={
            "First partnership meeting": dict(start="2016-10-05", end="2016-10-06", ordinal=1, city="Edinburgh", country="United Kingdom", series=None),
            "Fourth Partnership Meeting": dict(start="2019-04-09", end="2019-04-10", ordinal=4, city="Ann Arbor", country="United States", series=None),
        },
        delegations={("First partnership meeting", "United Kingdom", 18, "ExactCount"), ("First partnership meeting", "United States", 12, "ExactCount"),
                     ("Fourth Partnership Meeting", None, 60, "Approximate")},
        agreements={("Agreement", frozenset({"National Aeronautics and Space Administration", "European Space Agency"}), "Established")},
        cooperations={"UK-US Research Data Partnership": dict(
            start="2016", countries={"United Kingdom", "United States"},
            partners={"Digital Curation Centre", "Inter-university Consortium for Political and Social Research"},
            focus={"Research data management training", "Persistent identifiers", "Social science data archiving"}, outcomes=3)},
        relations={
            ("First partnership meeting", "ckg:realizes", "UK-US Research Data Partnership"),
            ("Fourth Partnership Meeting", "ckg:realizes", "UK-US Research Data Partnership"),
            ("First partnership meeting", "ckg:chair", "Margaret Hughes"), ("First partnership meeting", "ckg:chair", "James O'Connor"),
            ("Fourth Partnership Meeting", "ckg:chair", "Margaret Hughes"), ("Fourth Partnership Meeting", "ckg:chair", "James O'Connor"),
            ("Digital Curation Centre", "org:subOrganizationOf", "University of Edinburgh"),
            ("Inter-university Consortium for Political and Social Research", "ckg:hostedBy", "University of Michigan"),
            ("Establishment of the Transatlantic Data Stewardship Network", "ckg:involves", "Transatlantic Data Stewardship Network"),
        },
    ),
    "nasa-esa-letter-of-intent.md": dict(
        title="Meeting report: Transatlantic Earth Observation Data Forum", issued="2018-09-18", modified=None,
        organizations={"National Aeronautics and Space Administration", "European Space Agency", "National Oceanic and Atmospheric Administration",
                       "University of Bologna", "Belmont Forum"},
        persons={"Robert Klein", "Maria Rossi"},
        posts={("Robert Klein", "Associate Administrator", "National Aeronautics and Space Administration"),
               ("Maria Rossi", "Vice President", "University of Bologna")},
        events={"Transatlantic Earth Observation Data Forum 2018": dict(start="2018-09-11", end="2018-09-12", ordinal=None, city="Washington", country="United States", series="Transatlantic Earth Observation Data Forum")},
        delegations={("Transatlantic Earth Observation Data Forum 2018", None, 80, "Approximate")},
        agreements={("Agreement", frozenset({"National Aeronautics and Space Administration", "European Space Agency"}), "Established")},
        # the forum held here in 2018 is one event (that year's) of the named series
        cooperations={"Transatlantic Earth Observation Data Forum": dict(start=None, countries=set(), partners=set(), focus=set(), outcomes=0)},
        relations={
            ("Transatlantic Earth Observation Data Forum 2018", "schema:sponsor", "National Oceanic and Atmospheric Administration"),
            ("Transatlantic Earth Observation Data Forum 2018", "schema:sponsor", "Belmont Forum"),
            ("Transatlantic Earth Observation Data Forum 2018", "schema:attendee", "National Aeronautics and Space Administration"),
            ("Transatlantic Earth Observation Data Forum 2018", "schema:attendee", "European Space Agency"),
            ("Transatlantic Earth Observation Data Forum 2018", "schema:attendee", "National Oceanic and Atmospheric Administration"),
        },
    ),
    "brazil-japan-mou-news.html": dict(
        title="INPE and JAXA sign MoU on satellite data sharing", issued="2021-11-08", modified=None,
        organizations={"National Institute for Space Research", "Japan Aerospace Exploration Agency", "Brazilian Space Agency", "Embassy of Japan"},
        persons={"Clezio De Nardin", "YAMAKAWA Hiroshi"},
        posts={("Clezio De Nardin", "Director", "National Institute for Space Research"),
               ("YAMAKAWA Hiroshi", "President", "Japan Aerospace Exploration Agency")},
        events={},
        delegations=set(),
        agreements={("MemorandumOfUnderstanding", frozenset({"National Institute for Space Research", "Japan Aerospace Exploration Agency"}), "Established")},
        cooperations={},
        relations={("National Institute for Space Research", "ckg:country", "Brazil")},
        agreement_dates={"2021-11-05"},
    ),
    "africa-open-science-kickoff.html": dict(
        title="Kick-off meeting of the Southern African Data Stewardship Project", issued="2019-07-02", modified=None,
        organizations={"University of Cape Town", "National Research Foundation", "Botswana International University of Science and Technology",
                       "University of Nairobi", "Council for Scientific and Industrial Research", "South African Weather Service", "Data Office"},
        persons={"Thandiwe Mokoena", "Kagiso Molefe", "Amina Wanjiku"},
        posts={("Thandiwe Mokoena", "Deputy Vice-Chancellor for Research", "University of Cape Town"),
               ("Kagiso Molefe", "Head", "Data Office"),
               ("Amina Wanjiku", "Professor", "University of Nairobi")},
        # "held ... at the University of Cape Town": the venue is the university (schema:location)
        events={"Kick-off meeting of Southern African Data Stewardship Project": dict(start="2019-06-24", end=None, ordinal=None, city="University of Cape Town", country=None, series=None, inferred=True)},
        delegations=set(),
        agreements=set(),
        cooperations={},
        relations={
            ("Kick-off meeting of Southern African Data Stewardship Project", "ckg:chair", "Thandiwe Mokoena"),
            ("Southern African Data Stewardship Project", "schema:sponsor", "National Research Foundation"),
            ("Southern African Data Stewardship Project", "schema:sponsor", "Botswana International University of Science and Technology"),
            ("National Research Foundation", "ckg:country", "South Africa"),
            ("Kick-off meeting of Southern African Data Stewardship Project", "schema:attendee", "University of Nairobi"),
            ("Kick-off meeting of Southern African Data Stewardship Project", "schema:attendee", "Council for Scientific and Industrial Research"),
            ("Kick-off meeting of Southern African Data Stewardship Project", "schema:attendee", "South African Weather Service"),
            ("Data Office", "org:subOrganizationOf", "Botswana International University of Science and Technology"),
            ("Southern African Data Stewardship Project", "ckg:builds", "open platform for climate and health data"),
            ("open platform for climate and health data", "ckg:basedOn", "University of Cape Town"),
            ("Southern African Data Stewardship Project", "ckg:cooperatesWith", "Botswana"),
            ("Southern African Data Stewardship Project", "ckg:cooperatesWith", "Kenya"),
            ("Southern African Data Stewardship Project", "ckg:cooperatesWith", "Africa"),
        },
    ),
    "korea-australia-data-dialogue.html": dict(
        title="Korea-Australia Roundtable on Marine Data", issued=None, modified="2022-01-12",
        organizations={"Korea Institute of Ocean Science and Technology", "Commonwealth Scientific and Industrial Research Organisation"},
        persons=set(),
        posts=set(),
        events={
            "First Korea-Australia Roundtable": dict(start="2014-11-03", end="2014-11-04", ordinal=1, city="Busan", country="South Korea", series="Korea-Australia Roundtable on Marine Data"),
            "Second Korea-Australia Roundtable": dict(start="2016-10-12", end=None, ordinal=2, city="Hobart", country="Australia", series="Korea-Australia Roundtable on Marine Data"),
        },
        delegations={("First Korea-Australia Roundtable", "South Korea", 15, "ExactCount"), ("First Korea-Australia Roundtable", "Australia", 12, "ExactCount"),
                     ("Second Korea-Australia Roundtable", None, 40, "MoreThan")},
        agreements={("MemorandumOfUnderstanding", frozenset({"Korea Institute of Ocean Science and Technology", "Commonwealth Scientific and Industrial Research Organisation"}), "Established")},
        cooperations={"Korea-Australia Roundtable on Marine Data": dict(
            start="2014", countries={"South Korea", "Australia"},
            partners={"Korea Institute of Ocean Science and Technology", "Commonwealth Scientific and Industrial Research Organisation"},
            focus={"Ocean observing systems", "Marine biodiversity data", "Data quality control"}, outcomes=3)},
        relations={
            ("Establishment of the Indo-Pacific Ocean Data Portal", "ckg:involves", "Indo-Pacific Ocean Data Portal"),
            ("Support of the Argo programme in the Western Pacific", "ckg:involves", "Argo programme"),
        },
    ),
    "india-us-data-meeting-report.txt": dict(
        title="Report of the Sixth India-US Data Science Roundtable", issued=None, modified=None,
        # "the Indian National Committee for CODATA": CODATA's committee for India (names CODATA, which the registry knows)
        organizations={"Indian National Science Academy", "National Academy of Sciences", "Indian National Committee for CODATA",
                       "National Science Foundation", "Indian Institute of Science", "National Data Centre for Agriculture",
                       "Committee on Data of the International Science Council"},
        persons={"Ramesh Iyer", "Susan Miller", "Sharma"},
        posts={("Ramesh Iyer", "Chairman", "Indian National Committee for CODATA"),
               ("Susan Miller", "Program Officer", "National Science Foundation"),
               ("Sharma", "Director", "National Data Centre for Agriculture")},
        events={"Sixth India-US Data Science Roundtable": dict(start="2018-02-07", end="2018-02-08", ordinal=6, city="Bengaluru", country="India", series="India-US Data Science Roundtable"),
                # "The next roundtable will be held in Boulder, Colorado in 2020": the next edition, still to come
                "Seventh India-US Data Science Roundtable": dict(start="2020", end=None, ordinal=7, city="Boulder", country="United States", series="India-US Data Science Roundtable")},
        delegations={("Sixth India-US Data Science Roundtable", "India", 25, "ExactCount"), ("Sixth India-US Data Science Roundtable", "United States", 19, "ExactCount")},
        agreements={("BilateralAgreement", frozenset({"India", "United States"}), "Proposed"),
                    ("MemorandumOfUnderstanding", frozenset({"Indian National Science Academy", "Indian Institute of Science"}), "Established")},
        cooperations={"India-US Data Science Roundtable": dict(
            start=None, countries={"India", "United States"},
            partners={"Indian National Science Academy", "National Academy of Sciences"}, focus=set(), outcomes=0)},
        relations={
            ("Indian National Committee for CODATA", "ckg:nationalCommitteeOf", "Committee on Data of the International Science Council"),
            ("Indian National Committee for CODATA", "ckg:country", "India"),
        },
    ),
    "china-brazil-agricultural-data.txt": dict(
        title="China-Brazil Cooperation on Agricultural Data", issued=None, modified=None,
        organizations={"Chinese Academy of Agricultural Sciences", "Brazilian Agricultural Research Corporation", "Joint Laboratory for Agricultural Big Data"},
        persons={"WANG Hongguang", "Celso Moretti"},
        posts={("WANG Hongguang", "Vice President", "Chinese Academy of Agricultural Sciences"),
               ("Celso Moretti", "President", "Brazilian Agricultural Research Corporation")},
        events={
            # "took place from 3 to 5 September 2018"; "Some 60 participants attended, including 25 from China" (next sentence)
            "Second China-Brazil Workshop on Agricultural Data": dict(start="2018-09-03", end="2018-09-05", ordinal=2, city="Campinas", country="Brazil", series="China-Brazil Workshop on Agricultural Data"),
            "Tenth Joint Committee Meeting": dict(start="2019-11-14", end=None, ordinal=10, city="Beijing", country="China", series=None),
        },
        delegations={("Second China-Brazil Workshop on Agricultural Data", None, 60, "Approximate"),
                     ("Second China-Brazil Workshop on Agricultural Data", "China", 25, "ExactCount")},
        agreements={("MemorandumOfUnderstanding", frozenset({"Chinese Academy of Agricultural Sciences", "Brazilian Agricultural Research Corporation"}), "Established")},
        agreement_dates={"2016"},
        cooperations={
            "China-Brazil Cooperation on Agricultural Data": dict(
                start="2015", countries={"China", "Brazil"},
                partners={"Chinese Academy of Agricultural Sciences", "Brazilian Agricultural Research Corporation"},
                focus={"Crop phenotyping data", "Soil information systems"}, outcomes=3),
            "China-Brazil Workshop on Agricultural Data": dict(start=None, countries={"China", "Brazil"}, partners=set(), focus=set(), outcomes=0),
        },
        relations={
            ("Tenth Joint Committee Meeting", "ckg:realizes", "China-Brazil Cooperation on Agricultural Data"),
            ("Tenth Joint Committee Meeting", "ckg:chair", "WANG Hongguang"), ("Tenth Joint Committee Meeting", "ckg:chair", "Celso Moretti"),
            ("Creation of the Joint Laboratory for Agricultural Big Data", "ckg:involves", "Joint Laboratory for Agricultural Big Data"),
        },
    ),
    "kenya-japan-drought-project-news.md": dict(
        title="Kenya and Japan launch open data project on drought monitoring", issued="2021-03-12", modified=None,
        organizations={"Kenya Meteorological Department", "State Department for Environment", "University of Tokyo", "Japan Society for the Promotion of Science",
                       "National Earth System Science Data Center", "Regional Centre for Mapping of Resources for Development", "Kenyatta University"},
        persons={"Grace Wanjiru", "Kenji Sato", "Li Na"},
        posts={("Grace Wanjiru", "Permanent Secretary", "State Department for Environment"),
               ("Li Na", "senior engineer", "National Earth System Science Data Center")},
        # the dateline "Nairobi, 12 March 2021 --" dates the item; "on March 4" is completed from it
        events={"Inception meeting of Drought Data Sharing Project": dict(start="2021-03-04", end=None, ordinal=None, city="Nairobi", country="Kenya", series=None, inferred=True)},
        delegations={("Inception meeting of Drought Data Sharing Project", None, 200, "MoreThan")},
        agreements=set(),
        cooperations={},
        relations={("Kenji Sato", "org:memberOf", "University of Tokyo"),
                   
            ("Inception meeting of Drought Data Sharing Project", "ckg:chair", "Kenji Sato"),
            ("Inception meeting of Drought Data Sharing Project", "schema:about", "Drought Data Sharing Project"),
            ("Drought Data Sharing Project", "schema:sponsor", "Japan Society for the Promotion of Science"),
            ("Drought Data Sharing Project", "ckg:partner", "Regional Centre for Mapping of Resources for Development"),
            ("Drought Data Sharing Project", "ckg:partner", "University of Tokyo"),
            ("Drought Data Sharing Project", "ckg:partner", "Kenyatta University"),
        },
    ),
    "japan-korea-roundtable-table.html": dict(
        title="Japan-Korea Data Roundtable", issued=None, modified=None,
        organizations={"Science Council of Japan", "Korea Institute of Science and Technology Information", "National Institute of Informatics",
                       "Joint Task Group on Disaster Data"},
        persons=set(),
        posts=set(),
        # the meetings are rows of an HTML table
        events={
            "First Roundtable": dict(start="2010-06-02", end="2010-06-03", ordinal=1, city="Tokyo", country="Japan", series="Japan-Korea Data Roundtable"),
            "Second Roundtable": dict(start="2012-05-17", end=None, ordinal=2, city="Daejeon", country="South Korea", series="Japan-Korea Data Roundtable"),
        },
        delegations={("First Roundtable", "Japan", 30, "ExactCount"), ("First Roundtable", "South Korea", 20, "ExactCount"),
                     ("Second Roundtable", None, 45, "ExactCount")},
        agreements={("Agreement", frozenset({"Korea Institute of Science and Technology Information", "National Institute of Informatics"}), "Established")},
        cooperations={"Japan-Korea Data Roundtable": dict(
            start="2010", countries={"Japan", "South Korea"},
            partners={"Science Council of Japan", "Korea Institute of Science and Technology Information"}, focus=set(), outcomes=2)},
        relations={("Joint Task Group on Disaster Data", "ckg:involves", "Joint Task Group on Disaster Data")},
    ),
    "max-planck-cas-agreement-news.txt": dict(
        title="Max Planck Society and CAS sign agreement on data science", issued="2019-05-20", modified=None,
        organizations={"Max Planck Society", "Chinese Academy of Sciences", "Computer Network Information Center", "CNES", "ISRO",
                       "Kenya Academy of Sciences"},
        persons={"Martin Stratmann", "BAI Chunli", "Li Jianhui"},
        posts={("Martin Stratmann", "President", "Max Planck Society"), ("BAI Chunli", "President", "Chinese Academy of Sciences"),
               ("Li Jianhui", "deputy director", "Computer Network Information Center")},
        events={"Eleventh Sino-German Symposium on Big Data": dict(start="2017-04-02", end="2017-04-04", ordinal=11, city="Hamburg", country="Germany", series="Sino-German Symposium on Big Data")},
        delegations=set(),
        # "the Max Planck Society and the Chinese Academy of Sciences signed an agreement" (no "with");
        # "a Letter of Intent between CNES and ISRO": bodies known only by acronyms no rule defined
        agreements={("Agreement", frozenset({"Max Planck Society", "Chinese Academy of Sciences"}), "Established"),
                    ("Agreement", frozenset({"CNES", "ISRO"}), "Established")},
        agreement_dates={"2019-05-15"},
        cooperations={"Sino-German Symposium on Big Data": dict(start=None, countries={"China", "Germany"}, partners=set(), focus=set(), outcomes=0)},
        relations=set(),
    ),
    "arctic-steering-committee-report.md": dict(
        title="Report of the Third Steering Committee Meeting of the Arctic Data Alliance", issued="2020-10-09", modified=None,
        organizations={"Arctic Data Alliance", "Norwegian Polar Institute", "Danish Meteorological Institute", "Polar Research Institute of China",
                       "British Antarctic Survey", "Global Cryosphere Watch"},
        persons={"Ingrid Hansen", "Peter Larsen", "ZHOU Wei", "Sarah Thompson"},
        posts=set(),
        # a city written with a letter outside ASCII; "Fourteen members attended" two sentences later
        events={"Third Steering Committee Meeting": dict(start="2020-10-09", end=None, ordinal=3, city="Tromsø", country="Norway", series=None),
                # "The next meeting will take place in Cambridge, UK in spring 2021": the next edition, still to come
                "Fourth Steering Committee Meeting": dict(start="2021", end=None, ordinal=4, city="Cambridge", country="United Kingdom", series=None)},
        delegations={("Third Steering Committee Meeting", None, 14, "ExactCount")},
        # "agreed to sign a Memorandum of Understanding with the GCW": one party named, no agreement
        agreements=set(),
        cooperations={},
        relations={("Ingrid Hansen", "org:memberOf", "Norwegian Polar Institute"), ("ZHOU Wei", "org:memberOf", "Polar Research Institute of China"), ("Sarah Thompson", "org:memberOf", "British Antarctic Survey"),
                   
            ("Third Steering Committee Meeting", "ckg:chair", "Ingrid Hansen"),
            ("Third Steering Committee Meeting", "schema:attendee", "Ingrid Hansen"),
            ("Third Steering Committee Meeting", "schema:attendee", "Peter Larsen"),
            ("Third Steering Committee Meeting", "schema:attendee", "ZHOU Wei"),
            ("Third Steering Committee Meeting", "schema:attendee", "Sarah Thompson"),
            ("Third Steering Committee Meeting", "schema:attendee", "Norwegian Polar Institute"),
            ("Third Steering Committee Meeting", "schema:attendee", "Danish Meteorological Institute"),
            ("Third Steering Committee Meeting", "schema:attendee", "Polar Research Institute of China"),
            ("Third Steering Committee Meeting", "schema:attendee", "British Antarctic Survey"),
        },
    ),
    "brazil-data-stewardship-noisy-page.txt": dict(
        # a menu block, a byline, tags, share links and a "Latest News" link list around the item
        title="CODATA Brazil Data Stewardship Programme", issued="2022-06-03", modified=None,
        organizations={"University of Lisbon", "Brazilian Institute of Information in Science and Technology",
                       "Foundation for Science and Technology", "São Paulo Research Foundation"},
        persons={"Joao Silva", "Ana Costa"},
        posts={("Ana Costa", "Head of Data Services", "Brazilian Institute of Information in Science and Technology")},
        # "experts met in Lisbon on 25 May": no event noun, but people who met in a city on a day held a
        # meeting (extractor 15); the year is the article's
        events={"Meeting (CODATA Brazil Data Stewardship Programme)": dict(start="2022-05-25", end=None, ordinal=None, city="Lisbon",
                                                                        country="Portugal", series=None, inferred=True)},
        delegations=set(),
        agreements=set(),
        cooperations={},
        relations={("Joao Silva", "org:memberOf", "University of Lisbon")},
    ),
    "eu-india-climate-data-news.html": dict(
        title="EU-India Platform for Climate Data launched", issued="2023-02-15", modified=None,
        organizations={"Indian Institute of Tropical Meteorology", "Alfred Wegener Institute", "European Commission", "Department of Science and Technology"},
        persons={"Rajiv Menon", "Claudia Becker"},
        posts={("Rajiv Menon", "Project Coordinator", "Indian Institute of Tropical Meteorology")},
        # "on February 9-10": a range without a year, completed from the article's date
        events={"Inaugural meeting of EU-India Climate Data Project": dict(start="2023-02-09", end="2023-02-10", ordinal=None, city="New Delhi", country="India", series=None, inferred=True)},
        delegations={("Inaugural meeting of EU-India Climate Data Project", None, 70, "Approximate")},
        agreements=set(),
        cooperations={},
        relations={("Claudia Becker", "org:memberOf", "Alfred Wegener Institute"),
                   
            ("EU-India Climate Data Project", "ckg:leader", "Indian Institute of Tropical Meteorology"),
            ("Inaugural meeting of EU-India Climate Data Project", "ckg:chair", "Rajiv Menon"),
            ("Inaugural meeting of EU-India Climate Data Project", "ckg:chair", "Claudia Becker"),
            ("EU-India Climate Data Project", "schema:sponsor", "European Commission"),
            ("EU-India Climate Data Project", "schema:sponsor", "Department of Science and Technology"),
            ("Department of Science and Technology", "ckg:country", "India"),
        },
    ),
    "france-canada-ocean-dialogue.md": dict(
        title="France-Canada Ocean Data Dialogue", issued=None, modified=None,
        # "Fisheries and Oceans Canada (DFO)": the French acronym spells no English name; the agency is read by its
        # shape (a field's words and a country's name); "Ifremer", a coined name, is not read, and so the series has no
        # partners from that sentence
        organizations={"Leibniz Institute for Baltic Sea Research", "Fisheries and Oceans Canada"},
        persons={"Hans Müller"},
        posts={("Hans Müller", "Director", "Leibniz Institute for Baltic Sea Research")},
        # list items "N Dialogue: City, Country, date – count"; a month or a year alone is kept as the year
        events={
            "First Dialogue": dict(start="2005-05-12", end="2005-05-14", ordinal=1, city="Brest", country="France", series="France-Canada Ocean Data Dialogue"),
            "Second Dialogue": dict(start="2007", end=None, ordinal=2, city="Halifax", country="Canada", series="France-Canada Ocean Data Dialogue"),
            "Third Dialogue": dict(start="2009", end=None, ordinal=3, city="Paris", country="France", series="France-Canada Ocean Data Dialogue"),
        },
        delegations={("First Dialogue", None, 40, "ExactCount"), ("Third Dialogue", None, 60, "MoreThan")},
        agreements=set(),
        cooperations={"France-Canada Ocean Data Dialogue": dict(start="2005", countries={"France", "Canada"}, partners=set(), focus=set(), outcomes=0)},
        relations=set(),
    ),
    "anso-about-page.txt": dict(
        title="Alliance of International Science Organizations", issued=None, modified=None,
        # the contact line is boilerplate; "Thai" is the country of NSTDA, not part of its name
        organizations={"Alliance of International Science Organizations", "National Science and Technology Development Agency",
                       "Pakistan Academy of Sciences"},
        persons=set(),
        posts=set(),
        events={"Joint workshop": dict(start="2019", end=None, ordinal=None, city="Islamabad", country="Pakistan", series=None)},
        delegations=set(),
        agreements={("MemorandumOfUnderstanding", frozenset({"Alliance of International Science Organizations", "Pakistan Academy of Sciences"}), "Established")},
        cooperations={},
        relations={
            ("National Science and Technology Development Agency", "ckg:country", "Thailand"),
            ("Launch of the ANSO Open Data Initiative with the Thai National Science and Technology Development Agency (NSTDA)", "ckg:involves", "ANSO Open Data Initiative"),
            ("Launch of the ANSO Open Data Initiative with the Thai National Science and Technology Development Agency (NSTDA)", "ckg:involves", "National Science and Technology Development Agency"),
        },
        # the page is about a body: its highlights are that body's outcomes
        outcomes_of={"Alliance of International Science Organizations": 4},
    ),
    "norway-korea-polar-data-news.md": dict(
        # written for the extractor's known gaps: "agreed to sign a memorandum ... with" (lower case),
        # "At the Fifth ... Roundtable in <city> on <date>, ..." without "held", and two events held in one
        # sentence, each with its own place and date
        title="Polar data partners widen their cooperation", issued="2025-03-14", modified=None,
        organizations={"Norwegian Polar Institute", "Korea Polar Research Institute"},
        persons={"Min-jun Park", "Ingrid Solberg"},
        posts={("Min-jun Park", "Director", "Korea Polar Research Institute")},
        events={
            "Fifth Arctic Data Roundtable": dict(start="2025-01-20", end=None, ordinal=5, city="Tromsø", country="Norway", series="Arctic Data Roundtable"),
            # "in May 2024": only the year is sure, and said as a year
            "Joint workshop": dict(start="2024", end=None, ordinal=None, city="Oslo", country="Norway", series=None),
            "Training seminar": dict(start="2024", end=None, ordinal=None, city="Incheon", country="South Korea", series=None),
        },
        delegations={("Fifth Arctic Data Roundtable", None, 45, "Approximate")},
        # "agreed to sign": not signed yet
        agreements={("MemorandumOfUnderstanding", frozenset({"Norwegian Polar Institute", "Korea Polar Research Institute"}), "Proposed")},
        cooperations={"Arctic Data Roundtable": dict(start=None, countries=set(), partners=set(), focus=set(), outcomes=0)},
        relations={("Ingrid Solberg", "org:memberOf", "Norwegian Polar Institute"),
                   ("Fifth Arctic Data Roundtable", "ckg:realizes", "Arctic Data Roundtable")},
    ),
    "cnic-uct-mou-news.txt": dict(
        # in the genre of the sample news item: a title-case headline (its "Research Data Infrastructure" is a
        # topic, not a body), a CAS institute known to the registry by its acronym, a numbered workshop
        # still to come (no event), and "the signing ceremony" the text refers back to: the signing of the MoU
        # (where and when it was signed, who presided, the bodies whose representatives attended)
        title="CNIC and University of Cape Town Sign Agreement on Research Data Infrastructure", issued="2023-09-12", modified=None,
        # "the CODATA Secretariat" is a unit of CODATA, which the registry knows
        organizations={"Computer Network Information Center", "University of Cape Town", "CODATA Secretariat",
                       "Committee on Data of the International Science Council"},
        persons={"LIAO Fangyu", "Sue Harrison", "ZHOU Yuanchun"},
        posts={("LIAO Fangyu", "Director", "Computer Network Information Center"),
               ("ZHOU Yuanchun", "Deputy Director", "Computer Network Information Center"),
               ("Sue Harrison", "Deputy Vice-Chancellor for Research and Internationalisation", "University of Cape Town")},
        events={"MoU signing ceremony": dict(start="2023-09-08", end=None, ordinal=None, city="Beijing", country="China", series=None)},
        delegations=set(),
        agreements={("MemorandumOfUnderstanding", frozenset({"Computer Network Information Center", "University of Cape Town"}), "Established")},
        cooperations={},
        relations={("MoU signing ceremony", "ckg:chair", "ZHOU Yuanchun"),
                   ("MoU signing ceremony", "schema:about", "Memorandum of Understanding between CNIC and UCT on research data infrastructure"),
                   ("MoU signing ceremony", "schema:attendee", "Computer Network Information Center"),
                   ("MoU signing ceremony", "schema:attendee", "University of Cape Town"),
                   ("MoU signing ceremony", "schema:attendee", "Data Intensive Research Initiative of South Africa"),
                   ("MoU signing ceremony", "schema:attendee", "CODATA Secretariat")},
        agreement_dates={"2023-09-08"},
    ),
    "india-japan-dialogue-page.txt": dict(
        # in the genre of the CODATA page: menu and breadcrumb, a series begun in a year, bulleted focus areas,
        # outcomes and numbered past meetings "(dates, city, country): counts / chair / attendees"
        title="India-Japan Dialogue on Open Research Data", issued=None, modified="2021-03-02",
        organizations={"Indian National Science Academy", "Science Council of Japan", "Japan Science and Technology Agency"},
        persons={"Asha Rao"},
        posts={("Asha Rao", "Vice President", "Indian National Science Academy")},
        events={
            "First Dialogue": dict(start="2015-11-12", end="2015-11-13", ordinal=1, city="New Delhi", country="India", series="India-Japan Dialogue on Open Research Data"),
            "Second Dialogue": dict(start="2017-10-03", end="2017-10-04", ordinal=2, city="Tokyo", country="Japan", series="India-Japan Dialogue on Open Research Data"),
            "Third Dialogue": dict(start="2020-02-20", end=None, ordinal=3, city="Bengaluru", country="India", series="India-Japan Dialogue on Open Research Data"),
        },
        delegations={("First Dialogue", "India", 14, "ExactCount"), ("First Dialogue", "Japan", 11, "ExactCount"),
                     ("Second Dialogue", None, 30, "Approximate")},
        agreements=set(),
        cooperations={"India-Japan Dialogue on Open Research Data": dict(
            start="2015", countries={"India", "Japan"}, partners={"Indian National Science Academy", "Science Council of Japan"},
            focus={"Research data policy", "Data for disaster risk reduction", "Training of data professionals"}, outcomes=2)},
        relations={
            ("India-Japan Dialogue on Open Research Data", "ckg:country", "India"),
            ("India-Japan Dialogue on Open Research Data", "ckg:country", "Japan"),
            ("India-Japan Dialogue on Open Research Data", "ckg:partner", "Indian National Science Academy"),
            ("India-Japan Dialogue on Open Research Data", "ckg:partner", "Science Council of Japan"),
            ("First Dialogue", "ckg:realizes", "India-Japan Dialogue on Open Research Data"),
            ("Second Dialogue", "ckg:realizes", "India-Japan Dialogue on Open Research Data"),
            ("Third Dialogue", "ckg:realizes", "India-Japan Dialogue on Open Research Data"),
            ("Third Dialogue", "ckg:chair", "Asha Rao"),
            # "About 30 participants, including representatives of the Japan Science and Technology Agency (JST)"
            ("Second Dialogue", "schema:attendee", "Japan Science and Technology Agency"),
            ("Joint report on data citation practice (2018)", "ckg:outcomeOf", "India-Japan Dialogue on Open Research Data"),
            ("Exchange programme for young data scientists", "ckg:outcomeOf", "India-Japan Dialogue on Open Research Data"),
            ("14 Indian experts", "ckg:country", "India"),
            ("11 Japanese experts", "ckg:country", "Japan"),
        },
    ),
    "usgs-itpcas-visit-news.html": dict(
        # an institute written "<Institute>, Chinese Academy of Sciences (ITPCAS)": the acronym is the institute's,
        # CAS its parent; its director is the institute's, not CAS's; "agreed to draft a letter of intent"
        title="USGS Delegation Visits Institute of Tibetan Plateau Research", issued="2019-06-21", modified=None,
        organizations={"United States Geological Survey", "Institute of Tibetan Plateau Research", "Chinese Academy of Sciences",
                       "National Tibetan Plateau Data Center"},
        persons={"Jennifer Lee", "CHEN Fahu"},
        posts={("Jennifer Lee", "Associate Director for Core Science Systems", "United States Geological Survey"),
               ("CHEN Fahu", "Director", "Institute of Tibetan Plateau Research")},
        # "held at ITPCAS": a body, not a city. "A delegation of USGS led by Dr. Jennifer Lee ... visited ITPCAS on
        # June 18, 2019": a visit, hosted by the institute, the survey and its associate director the visitors
        events={"Workshop": dict(start="2019-06-19", end=None, ordinal=None, city="Institute of Tibetan Plateau Research", country=None, series=None),
                "Visit of USGS to ITPCAS":
                    dict(start="2019-06-18", end=None, ordinal=None, city=None, country=None, series=None)},
        delegations={("Workshop", None, 40, "MoreThan")},
        agreements={("Agreement", frozenset({"Institute of Tibetan Plateau Research", "United States Geological Survey"}), "Proposed")},
        cooperations={},
        relations={
            ("Institute of Tibetan Plateau Research", "org:subOrganizationOf", "Chinese Academy of Sciences"),
            ("Workshop", "schema:attendee", "United States Geological Survey"),
            ("Workshop", "schema:attendee", "Institute of Tibetan Plateau Research"),
            ("Workshop", "schema:attendee", "National Tibetan Plateau Data Center"),
            ("Visit of USGS to ITPCAS", "schema:organizer", "Institute of Tibetan Plateau Research"),
            ("Visit of USGS to ITPCAS", "schema:attendee", "United States Geological Survey"),
            ("Visit of USGS to ITPCAS", "schema:attendee", "Jennifer Lee"),
        },
    ),
    "igsnrr-kalro-kickoff-news.txt": dict(
        # in the genre of the sample BIG news item: a quoted project name, "convened online", "funded by",
        # "Team leaders from ... attended", a chair with a unit of an institute (a generic "Data Center")
        title='The Kick-off Meeting of the Sino-Kenyan Project "Open Data for Dryland Agriculture" was Convened',
        issued="2021-04-02", modified=None,
        organizations={"Data Center", "Institute of Geographic Sciences and Natural Resources Research",
                       "Alliance of International Science Organizations", "Kenya Agricultural and Livestock Research Organization",
                       "Jomo Kenyatta University of Agriculture and Technology"},
        persons={"WANG Juanle", "Mary Wanjiku"},
        posts={("WANG Juanle", "Director", "Data Center"),
               ("Mary Wanjiku", "Deputy Director General", "Kenya Agricultural and Livestock Research Organization")},
        events={"Kick-off meeting of Open Data for Dryland Agriculture": dict(start="2021-03-25", end=None, ordinal=None, city=None, country=None, series=None)},
        delegations={("Kick-off meeting of Open Data for Dryland Agriculture", None, 25, "Approximate")},
        agreements=set(),
        cooperations={},
        relations={
            ("Data Center", "org:subOrganizationOf", "Institute of Geographic Sciences and Natural Resources Research"),
            ("Open Data for Dryland Agriculture", "schema:sponsor", "Alliance of International Science Organizations"),
            ("Kick-off meeting of Open Data for Dryland Agriculture", "ckg:chair", "WANG Juanle"),
            ("Kick-off meeting of Open Data for Dryland Agriculture", "schema:about", "Open Data for Dryland Agriculture"),
            ("Kick-off meeting of Open Data for Dryland Agriculture", "schema:attendee", "Institute of Geographic Sciences and Natural Resources Research"),
            ("Kick-off meeting of Open Data for Dryland Agriculture", "schema:attendee", "Kenya Agricultural and Livestock Research Organization"),
            ("Kick-off meeting of Open Data for Dryland Agriculture", "schema:attendee", "Jomo Kenyatta University of Agriculture and Technology"),
        },
    ),
    "codata-pakistan-annual-meeting.md": dict(
        # a national committee's meeting: "The annual meeting of <committee> was held at <university>, <city>"
        # (the committee is its organizer), chaired by a vice-chancellor, attended by "representatives of" bodies.
        # "CODATA-Pakistan" (the headline) and "the Pakistan National Committee for CODATA (CODATA-Pakistan)" are one
        # body: CODATA's national committee for Pakistan
        title="CODATA-Pakistan holds its annual meeting at Quaid-i-Azam University", issued="2022-12-09", modified=None,
        organizations={"CODATA-Pakistan", "Committee on Data of the International Science Council",
                       "Quaid-i-Azam University", "Pakistan Academy of Sciences", "Higher Education Commission",
                       "Pakistan Meteorological Department", "CODATA-China", "Chinese Academy of Sciences"},
        persons={"Muhammad Ali", "Sara Khan"},
        posts={("Muhammad Ali", "Vice-Chancellor", "Quaid-i-Azam University")},
        events={"Annual meeting of the Pakistan National Committee for CODATA": dict(start="2022-12-05", end=None, ordinal=None, city="Islamabad", country="Pakistan", series=None)},
        delegations=set(),
        # "The committee agreed to renew its Memorandum of Understanding with CODATA-China, CAS": "the committee" is the
        # committee named before; the MoU exists (it is to be renewed), so it is established
        agreements={("MemorandumOfUnderstanding", frozenset({"CODATA-Pakistan", "CODATA-China"}), "Established")},
        cooperations={},
        relations={
            ("Annual meeting of the Pakistan National Committee for CODATA", "schema:organizer", "CODATA-Pakistan"),
            ("Annual meeting of the Pakistan National Committee for CODATA", "ckg:chair", "Muhammad Ali"),
            ("Annual meeting of the Pakistan National Committee for CODATA", "schema:attendee", "Pakistan Academy of Sciences"),
            ("Annual meeting of the Pakistan National Committee for CODATA", "schema:attendee", "Higher Education Commission"),
            ("Annual meeting of the Pakistan National Committee for CODATA", "schema:attendee", "Pakistan Meteorological Department"),
            ("Sara Khan", "org:memberOf", "Pakistan Academy of Sciences"),
            ("CODATA-China", "ckg:hostedBy", "Chinese Academy of Sciences"),
            ("CODATA-Pakistan", "ckg:nationalCommitteeOf", "Committee on Data of the International Science Council"),
            ("CODATA-Pakistan", "ckg:country", "Pakistan"),
        },
    ),
    "codata-national-committees-forum.txt": dict(
        # a CODATA-style news item about national committees the registry does not know: "CODATA-Japan" (one body,
        # not CODATA and Japan), "the Kenyan National Committee for CODATA", "the National Committee for CODATA of
        # Brazil", each CODATA's committee for its country; a capitalised meeting name ("The Forum of CODATA National
        # Committees was held ..."), organised by CODATA, attended by "representatives of" the committees
        title="National Committees Meet in Salzburg", issued=None, modified=None,
        organizations={"Committee on Data of the International Science Council", "CODATA-Japan", "Kenyan National Committee for CODATA",
                       "National Committee for CODATA of Brazil", "University of Nairobi"},
        persons={"Akiko Tanaka", "Peter Otieno"},
        posts={("Akiko Tanaka", "Chair", "CODATA-Japan")},
        events={"Forum of CODATA National Committees": dict(start="2023-10-24", end=None, ordinal=None, city="Salzburg", country="Austria", series=None)},
        delegations=set(),
        agreements={("MemorandumOfUnderstanding", frozenset({"CODATA-Japan", "Kenyan National Committee for CODATA"}), "Established")},
        cooperations={},
        relations={
            ("Forum of CODATA National Committees", "schema:organizer", "Committee on Data of the International Science Council"),
            ("Forum of CODATA National Committees", "schema:attendee", "CODATA-Japan"),
            ("Forum of CODATA National Committees", "schema:attendee", "Kenyan National Committee for CODATA"),
            ("Forum of CODATA National Committees", "schema:attendee", "National Committee for CODATA of Brazil"),
            ("Peter Otieno", "org:memberOf", "University of Nairobi"),
            ("CODATA-Japan", "ckg:nationalCommitteeOf", "Committee on Data of the International Science Council"),
            ("Kenyan National Committee for CODATA", "ckg:nationalCommitteeOf", "Committee on Data of the International Science Council"),
            ("National Committee for CODATA of Brazil", "ckg:nationalCommitteeOf", "Committee on Data of the International Science Council"),
            ("CODATA-Japan", "ckg:country", "Japan"),
            ("Kenyan National Committee for CODATA", "ckg:country", "Kenya"),
            ("National Committee for CODATA of Brazil", "ckg:country", "Brazil"),
        },
    ),
}
