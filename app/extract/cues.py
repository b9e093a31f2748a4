"""The words around a number that say what it is, in English and Chinese.

Each pattern is matched against the text just before or just after a number (the "lead" and
the "tail"), or against a period mention. Keeping them in one place keeps the reading rules
in sentences.py about structure, and this file about wording.
"""

from __future__ import annotations

import re

# Where a clause ends.
CLAUSE_BREAK = re.compile(r"[,;，；]")
# A clause that only gives examples of what the clause before named: ", including Beijing and
# Hebei,".
ASIDE = re.compile(r"\s*(?:including|such\s+as)\b", re.IGNORECASE)

# What may stand between a phrase and its verb: "users in rural areas", "courses in China".
_PLACE = (
    r"(?:\s*(?:of|in|among|for|with|across|nationwide|in\s+china|of\s+china)\b[^,;，；]*?)?\s*"
    r"(?:\([^)]*\)\s*)?"
)

_VERBS = (
    r"reached|reaching|reaches|amounted\s+to|amounting\s+to|totaled|totalled|totaling|was|were|is|"
    r"are|stood\s+at|stands\s+at|rose\s+to|rising\s+to|climbing\s+to|climbed\s+to|increased\s+to|grew\s+to|"
    r"generated|had|has|provided|opened|assigned|served|completed|published|invested|"
    r"spent(?:\s+a\s+total\s+of)?|"
    r"(?:been\s+)?available\s+in|"
    r"hit|hits|exceeding|exceeded|surpassed|top|tops|topped|neared|nearing|approached|expanded\s+to|"
    r"reach(?:ed|es)?\s+(?:a\s+)?record\s+high\s+of|"
    r"(?:is|was|are|were)\s+as\s+high\s+as|"
    r"达到|高达|达|为|提升至|升至|增至|突破|超过|超|接近"
)

# A figure the source only expects: "is expected to reach", "was estimated to be".
_EXPECTED_TO = r"(?:was|is|were|are)\s+(?:expected|estimated|projected|forecast)\s+to"

# What Chinese puts after a subject to say its size, number or share: "手机网民规模达",
# "用户数为", "使用手机上网的比例达".
_CN_MEASURE = r"(?:的?(?:用户规模|总规模|规模|数量|总量|总数|人数|用户数|数|比例|比重|占比))?"

# Between a phrase and its figure: subject, verb, figure ("users reached 822 million").
# Chinese adverbs before the verb: "已达", "也为", "均为".
_CN_ADVERBS = r"(?:已经|已|也|均|仍|则|首次|再次|持续|稳步|进一步|分别)*"

# A Chinese clause that is only a verb before its figure goes on with the figure before it:
# "网民规模接近10亿,达9.89亿" (a round figure, then the exact one).
VERB_ALONE = re.compile(rf"^[\s,，]*{_CN_ADVERBS}(?:达到|达|为|增至|升至)\s*$")

LINK = re.compile(
    rf"^{_PLACE}{_CN_MEASURE}{_CN_ADVERBS}"
    r"(?:(?:has|have|had|now|already|further|also|still|continued\s+to)\s+)*"
    rf"(?:{_VERBS}|{_EXPECTED_TO}\s+(?:reach|be))\s*(?:to\s+)?$",
    re.IGNORECASE,
)

# A catalogue phrase that ends in its own verb ("CNNIC has published") or in "of" ("with an
# order amount of 61.7 million") links to the figure right after it.
ENDS_IN_VERB = re.compile(rf"(?<![A-Za-z])(?:{_VERBS}|of)$", re.IGNORECASE)

# Words that may stand between a phrase and a figure whose qualifier is the verb.
AUXILIARIES = re.compile(
    rf"^{_PLACE}{_CN_MEASURE}{_CN_ADVERBS}"
    rf"(?:(?:has|have|had|now|already|further|also|still|{_EXPECTED_TO})\s*)*$",
    re.IGNORECASE,
)
TO_BEFORE = re.compile(r"\bto(?:\s+reach)?\s*$", re.IGNORECASE)
DENOMINATOR = re.compile(
    r"^\s*of\s+(?:all\s+|the\s+)*(?:total\s+)?(?:number\s+of\s+)?(?:China['’]s\s+|Chinese\s+)?$",
    re.IGNORECASE,
)
# Between a count and the phrase that names it: "new", or an address equivalence in brackets
# ("the IPv4 addresses 6316032 (96B+96C) of former China Unicom").
FOLLOWING_COUNT = re.compile(r"^\s*(?:\([0-9A-D+]+\)\s*)?(?:new\s+)?$", re.IGNORECASE)
# A figure, then the phrase it is: "0.66 percentage point is the estimated maximum error".
IS_THE = re.compile(r"^\s*(?:is|was)\s+the\s*$", re.IGNORECASE)

# A count with its share in apposition, before the phrase that names both: "14 or 60.9% of
# them offered IPv6 public recursive services".
APPOSED = re.compile(r"\s*or\s+[0-9.]+\s*%\s+(?:of\s+them\s+)?", re.IGNORECASE)

# What stands between a figure and its restatement in apposition: "1108 million, or over
# 20% of the global total", "1,108 million Internet users, or".
RESTATED = re.compile(r"[^\d,;，；.]*?,?\s*\bor\s*", re.IGNORECASE)

# A time of day: "9 am", "19 pm", "11-12 pm", "8 o'clock".
TIME_OF_DAY = re.compile(
    r"(?<![\d.])\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)(?![A-Za-z])"
)

# A change: "an increase of", "up by", "增长"; a fall is kept negative.
CHANGE_BEFORE = re.compile(
    r"(?:(?:net\s+)?(?:increase|increment|decrease|growth|rise|drop|decline|gain)"
    r"(?:\s+(?:rates?|margin))?\s+of|"
    r"\b(?:up|down|rose|fell|grew|dropped|declined|soaring|soared|jumped|increased|increasing|"
    r"decreased|boosted|added|adds|gained|surged|surging|climbed)(?:\s+by)?|"
    r"增长|提高|提升|上升|增加|下降|降低|减少|"
    # "年增长率为10.7%", "增长率分别为20.7%、14.2%", "增速达".
    r"(?:增长率|增速|增幅)(?:分别)?(?:为|达到|达|是)?|"
    # "新增网民2968万", "净增5G基站": what is new stands between the word and its figure.
    r"(?:新增|净增|新入网)[^\d,;，；。]{0,12}?(?:达|为)?)\s*$",
    re.IGNORECASE,
)
# "year-on-year", also written "year on year" or "year over year".
_YOY = r"year[-\s]+(?:on|over)[-\s]+year"

# A change whose verb the sentence gave for the change before it: "the number of national
# business performances increased by 14.5% year-on-year, and box office revenue by 25.9%".
ELLIPTICAL_CHANGE = re.compile(r"^\s*and\s+(?:the\s+)?[A-Za-z][\w\s'&-]*\s+by\s*$", re.IGNORECASE)
FALL = re.compile(
    r"(?:\b(?:decrease|drop|decline|down|fell|dropped|declined)\b|下降|减少)[^\d]*$", re.IGNORECASE
)
FALL_AFTER = re.compile(rf"^\s*(?:{_YOY}\s+)?(?:decrease|drop|decline)\b", re.IGNORECASE)
CHANGE_AFTER = re.compile(
    rf"^\s*(?:{_YOY}\s+|yoy\s+)?(?:increase|rise|growth|jump|decrease|drop)\b"
    # "21 million more than at the end of 2020": a count more than a time's is a change.
    r"|^\s*(?:more|fewer)\s+than\s+(?:that\s+of\s+|in\s+|at\s+|by\s+)?(?:the\s+)?"
    r"(?=end\b|[12][0-9]{3}\b|(?-i:[A-Z][a-z]))",
    re.IGNORECASE,
)

# A change whose verb stands before what changed: "stimulated the first-hour turnover of
# Tmall's home appliances by 765% year-on-year".
BY_BEFORE = re.compile(r"\bby\s*$", re.IGNORECASE)
YEAR_ON_YEAR_AFTER = re.compile(rf"^\s*(?:{_YOY}|yoy)(?![A-Za-z-])", re.IGNORECASE)

# A change whose subjects follow it: "a year-on-year growth of more than 25% in the
# cumulative tourist number and tourism revenue", "a 395% increase in the number of ...".
SUBJECTS_AFTER = re.compile(
    rf"\s*(?:(?:{_YOY}|yoy)\s+)?(?:(?:increase|rise|growth|jump|decrease|drop)\s+)?"
    r"in\s+(?:the\s+)?",
    re.IGNORECASE,
)
SUBJECTS_GLUE = re.compile(r"^\s*(?:,\s*and|,|and)\s+(?:the\s+)?$", re.IGNORECASE)

# A change whose clause brings a subject of its own that the catalogue does not name: "users
# exceeded 100 million and the search volume grew by more than 30%" is not a change of users.
OWN_SUBJECT = re.compile(
    r"\b(?:and|while|but|whereas)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?!(?:number|figure|total|size|scale|amount)\s)(?:[A-Za-z][\w'&-]*\s+){1,5}"
    r"(?:grew|rose|increased|decreased|fell|dropped|declined|was\s+up|was\s+down)"
    r"(?:\s+by)?\s*$",
    re.IGNORECASE,
)

# Sentences that speak of the present reset the period a paragraph set: "At present, 3,340
# Internet hospitals ..." after "In June, the State Council issued ...".
# A sentence that opens on when something began: "Since July, ...".
SINCE_START = re.compile(r"^since\b", re.IGNORECASE)
AT_PRESENT = re.compile(r"^\W*(?:at\s+present|currently|so\s+far|to\s+date)\b|^\W*目前", re.I)

# A share of what was just counted: "accounting for", "making up", "占".
# A share of all Internet users, in Chinese: "占网民整体的40.5%", "占总体网民的比例为71%". A share
# of a group (占手机网民的) is another measure, and is not read as one of all users.
_CN_ALL_USERS = (
    r"(?:(?:网民整体|整体网民|总体网民|网民总体|全体网民)的?(?:比例|比重)?(?:分别)?(?:为|达)?)?"
)

SHARE_BEFORE = re.compile(
    rf"(?:accounting\s+for|accounted\s+for|account\s+for|making\s+up|made\s+up|make\s+up|"
    r"representing|represented|taking\s+up|took\s+up|with\s+a\s+share\s+of|proportion\s+(?:had\s+)?"
    rf"(?:reached|amounted\s+to|was)|the\s+proportion\s+amounted\s+to|占{_CN_ALL_USERS}"
    # "占域名总数的67.6%": a share of the whole the figure before it is part of.
    r"|占[^\d,;，；。]{1,8}?(?:总数|总量)的?(?:比例|比重)?(?:为|达)?)\s*$",
    re.IGNORECASE,
)

# A sentence whose subject is the one the sentence before spoke of: "The subscription revenue
# of the software Feishu exceeded USD 200 million in 2023. It was growing ... and expected to
# surpass USD 300 million".
PRONOUN_START = re.compile(r"^\W*(?:It|They)\s")

# A figure the source only expects or estimates: "was expected to exceed 1.2 trillion yuan".
EXPECTED = re.compile(
    r"\b(?:expected|estimated|projected|forecast)\s+to\s+(?:be\s+|reach\s+)?$", re.IGNORECASE
)

# A share whose owner the sentence before names: "Their proportion had reached 54.4%".
PRONOUN_SHARE = re.compile(r"^\s*(?:their|its)\s+(?:proportion|share)\b", re.IGNORECASE)

# What each counted item has, not a figure: "42 clusters each equipped with over 10,000 GPUs".
EACH_WITH = re.compile(r"\beach\s+(?:[a-z]+\s+)?with\s*$", re.IGNORECASE)

# A difference from another figure, not a change over time: "20.6 percentage points higher
# than that of the rural population".
GAP_AFTER = re.compile(r"^\s*(?:higher|lower|more|less)\s+than\b", re.IGNORECASE)
GAP_BELOW = re.compile(r"^\s*(?:lower|less)\s+than\b", re.IGNORECASE)

# A rate of what was just counted: "the penetration rate", "普及率".
RATE_WORDS = re.compile(
    r"(?:penetration\s+rate|adoption\s+rate|usage\s+rate|utilization\s+rate|普及率|使用率|渗透率)"
    r"[^,;，；\d]*$",
    re.IGNORECASE,
)

# "分别占农村网民整体的": the share of a whole that is itself a group.
SHARE_OF_GROUP = re.compile(
    r"(?:分别|均)?占[^\d,;，；。]{1,12}?(?:整体|总体|总数)?的?(?:比例|比重)?(?:分别|均)?(?:为|达)?\s*$"
)
RATE_AFTER = re.compile(r"\s*(?:penetration|adoption|usage|utilization)\s+rate\b", re.I)

# The period a change is measured from: "compared to", "from", "较".
# A change counted from the start of the year: "全年新增网民5653万", "上半年新增".
SINCE_YEAR_START = re.compile(r"全年|上半年|今年以来|年初以来")
BASE_BEFORE = re.compile(
    r"(?:compared\s+(?:to|with)|from|over|than(?:\s+that\s+of)?|since|较|比|由|从)\s*(?:the\s+)?$",
    re.I,
)
# A date a change is measured from, named before it: "较2020年3月增长", "比去年12月".
COMPARED_WITH = re.compile(r"(?:较|比)\s*$")
# The date of the figure a change is measured from, after it: "up from 65.2 percent in 2017".
FROM_FIGURE_AT = re.compile(
    r"\bfrom\s+[0-9][0-9.,]*\s*(?:%|percent|per\s+cent|million|billion)?\s+"
    r"(?:(?:in|at\s+the\s+end\s+of|by)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
BASE_FIGURE_DATE = re.compile(r"\s+(?:(?:in|by|at\s+the\s+end\s+of)\s+(?:the\s+)?)?", re.I)
BASE_START = re.compile(r"^(?:from|since|over|compared\s+(?:to|with))\b", re.IGNORECASE)
# A page break may cut the word after a hyphen ("up by 17.9% year-" ... "on-year").
# A change measured from a time the text names but does not date: "compared with the
# Mid-Autumn Festival", "compared with the pre-holiday weekend period".
NAMED_BASE = re.compile(
    r"\bcompared\s+(?:to|with)\s+(?:the\s+)?"
    r"(?P<base>[^,.;:()⁰¹²³⁴⁵⁶⁷⁸⁹]{0,40}(?<![A-Za-z-])"
    r"(?:festival|holidays?|period|week|weekend|season))(?![A-Za-z-])",
    re.IGNORECASE,
)
YEAR_ON_YEAR = re.compile(
    rf"{_YOY}|\byoy\b|a\s+year\s+earlier|同比|(?<![全上下])年(?:增长率|增速|增幅)", re.IGNORECASE
)
SAME_PERIOD = re.compile(r"over\s+the\s+same\s+period", re.IGNORECASE)
# Words that measure a change from some time: where that time is not found, the change is
# left out rather than kept without one.
SOME_BASE = re.compile(rf"{SAME_PERIOD.pattern}|\bcompared\s+(?:to|with)\b", re.IGNORECASE)

# Elliptical subjects: "and that of rural Internet users 313.08 million".
THAT_OF = re.compile(r"\b(?:that|those)\s+of\s+$", re.IGNORECASE)

# The size of the group a rate is of: "with the user size of", "with ... users".
GROUP_SIZE_BEFORE = re.compile(r"(?:user\s+size\s+of|with)\s*$", re.IGNORECASE)
GROUP_SIZE_AFTER = re.compile(r"^\s*users\b", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)

# A figure before and after something, with no dates: "reduce the defect rate ... from 0.3
# percent to 0.05 percent", "将...缺陷率从千分之三降至万分之五".
BEFORE_AFTER_LEAD = re.compile(r"^\s*(?:from|从)\s*$", re.IGNORECASE)
BEFORE_AFTER_GLUE = re.compile(
    r"^\s*(?:to|降至|降到|降低至|降低到|下降至|下降到|升至|升到|提升至|提高至|提高到|增至|增加到)\s*$",
    re.IGNORECASE,
)
RANGE_BEFORE = re.compile(r"\bbetween\s*$", re.IGNORECASE)

# Lists: numbers joined by commas and "and", given "respectively".
# Between listed figures; a Chinese counter may close each ("9057万人、5139万人").
RUN_GLUE = re.compile(r"^\s*(?:人|个|户|家|名)?\s*(?:,\s*and|,|，|、|and|和|及|以及|:)\s*$")
RESPECTIVELY = re.compile(r"^[^.;。；]{0,40}?(?:respectively|分别|依次)", re.IGNORECASE)
# "用户规模分别达4.09亿、3.81亿", "依次为13.9%、11.0%": Chinese says "respectively" (or "in
# that order") before the list.
RESPECTIVELY_BEFORE = re.compile(r"(?:分别|依次)[^\d,;，；。]{0,6}$")
RESPECTIVELY_LATER = re.compile(
    r"(?:[^.;。；]|\.(?=[0-9]))*?(?:respectively|分别|依次)", re.IGNORECASE
)

# A note that defines a term ("... refers to ...", "... means ..."): its numbers are part of
# the definition or of a worked example, not figures.
DEFINITION = re.compile(r"\b(?:refers?\s+to|means|is\s+the\s+collective\s+name)\b", re.I)

# Attribution: "According to X, ..."; "the data" names no body.
# Between a figure and the breakdown it is of: "65.6 percent in rural areas".
BREAKDOWN_AFTER = re.compile(r"\s*(?:in|among|for)\s+(?:the\s+)?", re.IGNORECASE)

# A count of people, then what they do: "888 million people watch short videos", "622
# million shopped with their mobile phones", "397 million of whom did it on mobiles".
PEOPLE_DOING = re.compile(
    r"\s*(?:of\s+(?:the\s+)?)?"
    r"(?:people|persons|Chinese(?:\s+people)?|netizens|(?:internet\s+)?users|whom)?"
    r"\s*(?:in\s+China\s+|nationwide\s+)?(?:now\s+|already\s+|have\s+|had\s+)?"
    r"(?:use[sd]?|using|watch(?:ed|es)?|buy|bought|order(?:ed)?|play(?:ed)?|shop(?:ped)?|read|"
    r"listen(?:ed)?\s+to|access(?:ed)?|surf(?:ed)?|(?:are\s+|were\s+)?liv(?:e|es|ed|ing)\s+in|"
    r"engag(?:e|es|ed)\s+in)\b",
    re.IGNORECASE,
)

# An exact figure restated in brackets after a round one: "近11亿人(10.9967亿人)".
BRACKET_OPEN = re.compile(r"\s*(?:人|个|户|家)?\s*[(（]\s*")
BRACKET_CLOSE = re.compile(r"\s*(?:人|个|户|家)?\s*[)）]")

# A sentence that goes on with the one before it, in its year and credit: "In particular,
# online retail sales of physical goods rose 6.5 percent", "其中,".
GOES_ON = re.compile(
    r"\s*(?:In\s+particular|Of\s+(?:which|this|these|them|that)|Among\s+(?:them|which)|"
    r"Specifically)\b|\s*其中",
    re.IGNORECASE,
)

# New users a report counts as of its month, with no time named: since the December before,
# from which the reports measure their changes ("新增网民742万人" in June 2024: since 2023-12).
NEW_USERS = re.compile(r"(?:新增|新入网)[^\d,;，；。]{0,12}$")

# Between a figure's phrase and the group it is of: "internet users were aged 60 and above",
# "users living in rural areas".
GROUP_AFTER_PHRASE = re.compile(
    r"\s*(?:(?:were|are|was|is)\s+)?(?:(?:aged|living\s+in|in)\s+(?:the\s+)?)?", re.IGNORECASE
)

# What opens another passage of a paragraph: a bold lead-in ("**Second, rural education
# ...**"), or a credit of its own ("According to ...").
PASSAGE_START = re.compile(r"\s*(?:\*\*|According\s+to\b|据)", re.IGNORECASE)
# A credit to the report a text is about ("according to the report", "A report released on
# Friday indicated"), which credits no one else; its publisher is the manifest's.
THE_REPORT = re.compile(r"\s*(?:(?:a|the)\s+)?(?:new\s+|latest\s+)?report\b", re.IGNORECASE)
NO_BODY = re.compile(r"^\s*(?:the\s+)?(?:data|statistics|figures)\s*$", re.IGNORECASE)
ACCORDING_TO = re.compile(
    r"^\s*(?:According\s+to|Data\s+from)\s+(?:data\s+from\s+)?(?:the\s+)?(?P<body>[^,]+)"
    # "Data released by China's National Bureau of Statistics on Friday showed that", "In March
    # 2024, Tencent's financial report showed that".
    r"|^\s*(?:In\s+[^,]{1,30},\s*)?(?:Data\s+(?:released\s+)?by\s+(?:the\s+)?)?"
    r"(?P<shown_by>[^,]{2,80}?)(?:\s+on\s+[A-Z][a-z]+day)?\s+"
    r"(?:showed|shows|revealed|indicated|announced|said)"
    r"\s+that\b",
    re.IGNORECASE,
)
