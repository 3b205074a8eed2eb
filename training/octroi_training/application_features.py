"""Declarations of the application-level features: what each is, how it is derived, its labels.

These declarations become the ``derivations`` and ``features`` of ``feature_spec.json``; the
values themselves are computed only by evaluating that specification (see ``spec.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import DAYS_PLACEHOLDER


@dataclass(frozen=True)
class Declared:
    name: str
    op: str
    inputs: tuple[str, ...]
    unit: str
    en: str
    fr: str
    description: str = ""  # empty: taken from the Home Credit column description
    missing_values: tuple[float, ...] = ()
    categories: tuple[str, ...] = ()
    is_feature: bool = True  # False: an intermediate value other derivations read

    @property
    def kind(self) -> str:
        return "categorical" if self.op == "category" else "numeric"


def number(name: str, unit: str, en: str, fr: str, missing: tuple[float, ...] = ()) -> Declared:
    return Declared(name, "number", (name,), unit, en, fr, missing_values=missing)


def category(name: str, en: str, fr: str, categories: str) -> Declared:
    return Declared(name, "category", (name,), "category", en, fr, categories=tuple(categories.split("|")))


def derived(name: str, op: str, inputs: str, unit: str, en: str, fr: str, description: str) -> Declared:
    return Declared(name, op, tuple(inputs.split()), unit, en, fr, description)


def hidden(name: str) -> Declared:
    """A raw number other derivations read without it being a model feature itself."""
    return Declared(name, "number", (name,), "flag", name, name, is_feature=False)


ORGANIZATIONS = (
    "Advertising|Agriculture|Bank|Business Entity Type 1|Business Entity Type 2|Business Entity Type 3|"
    "Cleaning|Construction|Culture|Electricity|Emergency|Government|Hotel|Housing|Industry: type 1|"
    "Industry: type 10|Industry: type 11|Industry: type 12|Industry: type 13|Industry: type 2|"
    "Industry: type 3|Industry: type 4|Industry: type 5|Industry: type 6|Industry: type 7|Industry: type 8|"
    "Industry: type 9|Insurance|Kindergarten|Legal Services|Medicine|Military|Mobile|Other|Police|Postal|"
    "Realtor|Religion|Restaurant|School|Security|Security Ministries|Self-employed|Services|Telecom|"
    "Trade: type 1|Trade: type 2|Trade: type 3|Trade: type 4|Trade: type 5|Trade: type 6|Trade: type 7|"
    "Transport: type 1|Transport: type 2|Transport: type 3|Transport: type 4|University|XNA"
)
OCCUPATIONS = (
    "Accountants|Cleaning staff|Cooking staff|Core staff|Drivers|HR staff|High skill tech staff|IT staff|"
    "Laborers|Low-skill Laborers|Managers|Medicine staff|Private service staff|Realty agents|Sales staff|"
    "Secretaries|Security staff|Waiters/barmen staff"
)

_CATEGORIES = [
    category("NAME_CONTRACT_TYPE", "Type of loan", "Type de prêt", "Cash loans|Revolving loans"),
    category("FLAG_OWN_CAR", "Owns a car", "Possède une voiture", "N|Y"),
    category("FLAG_OWN_REALTY", "Owns a home", "Propriétaire d'un logement", "N|Y"),
    category(
        "NAME_TYPE_SUITE",
        "Accompanied by",
        "Accompagné par",
        "Unaccompanied|Family|Spouse, partner|Children|Other_A|Other_B|Group of people",
    ),
    category(
        "NAME_INCOME_TYPE",
        "Source of income",
        "Source de revenus",
        "Working|Commercial associate|Pensioner|State servant|Unemployed|Student|Businessman|Maternity leave",
    ),
    category(
        "NAME_EDUCATION_TYPE",
        "Education level",
        "Niveau d'études",
        "Lower secondary|Secondary / secondary special|Incomplete higher|Higher education|Academic degree",
    ),
    category(
        "NAME_HOUSING_TYPE",
        "Housing situation",
        "Type de logement",
        "House / apartment|Rented apartment|With parents|Municipal apartment|Office apartment|Co-op apartment",
    ),
    category("OCCUPATION_TYPE", "Occupation", "Profession", OCCUPATIONS),
    category(
        "WEEKDAY_APPR_PROCESS_START",
        "Day of the week of the application",
        "Jour de la demande",
        "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY",
    ),
    category("ORGANIZATION_TYPE", "Employer's sector", "Secteur de l'employeur", ORGANIZATIONS),
    category(
        "FONDKAPREMONT_MODE",
        "Building repair fund",
        "Fonds de travaux de l'immeuble",
        "not specified|org spec account|reg oper account|reg oper spec account",
    ),
    category("HOUSETYPE_MODE", "Type of building", "Type d'immeuble", "block of flats|specific housing|terraced house"),
    category(
        "WALLSMATERIAL_MODE",
        "Wall material of the building",
        "Matériau des murs",
        "Block|Mixed|Monolithic|Others|Panel|Stone, brick|Wooden",
    ),
    category("EMERGENCYSTATE_MODE", "Building in emergency state", "Immeuble en état d'urgence", "No|Yes"),
]

_NUMBERS = [
    # Household size is read only through the income per household member (see policy.py).
    hidden("CNT_FAM_MEMBERS"),
    number("AMT_INCOME_TOTAL", "currency", "Annual income", "Revenu annuel"),
    number("AMT_CREDIT", "currency", "Amount of the loan", "Montant du prêt"),
    number("AMT_ANNUITY", "currency", "Yearly repayment", "Remboursement annuel"),
    number("AMT_GOODS_PRICE", "currency", "Price of the goods financed", "Prix du bien financé"),
    number(
        "REGION_POPULATION_RELATIVE",
        "ratio",
        "Population density of the home region",
        "Densité de population de la région",
    ),
    number("DAYS_BIRTH", "days", "Age (days before the application)", "Âge (jours avant la demande)"),
    number(
        "DAYS_EMPLOYED",
        "days",
        "Time in current job (days)",
        "Ancienneté dans l'emploi (jours)",
        missing=(DAYS_PLACEHOLDER,),
    ),
    number(
        "DAYS_REGISTRATION",
        "days",
        "Days since the registration was last changed",
        "Jours depuis le dernier changement d'état civil",
    ),
    number(
        "DAYS_ID_PUBLISH",
        "days",
        "Days since the identity document was issued",
        "Jours depuis la délivrance de la pièce d'identité",
    ),
    number(
        "DAYS_LAST_PHONE_CHANGE",
        "days",
        "Days since the phone number changed",
        "Jours depuis le changement de téléphone",
    ),
    number("OWN_CAR_AGE", "years", "Age of the client's car", "Âge de la voiture"),
    number("FLAG_WORK_PHONE", "flag", "Gave a work phone", "A donné un téléphone professionnel"),
    number("FLAG_PHONE", "flag", "Gave a home phone", "A donné un téléphone fixe"),
    number("FLAG_EMAIL", "flag", "Gave an email address", "A donné une adresse e-mail"),
    number(
        "REGION_RATING_CLIENT",
        "score",
        "Rating of the home region (1 best, 3 worst)",
        "Note de la région (1 meilleure, 3 moins bonne)",
    ),
    number(
        "REGION_RATING_CLIENT_W_CITY", "score", "Rating of the home region and city", "Note de la région et de la ville"
    ),
    number("HOUR_APPR_PROCESS_START", "hour", "Hour of the application", "Heure de la demande"),
    number("REG_REGION_NOT_WORK_REGION", "flag", "Works in another region", "Travaille dans une autre région"),
    number("REG_CITY_NOT_LIVE_CITY", "flag", "Lives away from the registered city", "Vit hors de la ville déclarée"),
    number(
        "REG_CITY_NOT_WORK_CITY", "flag", "Works away from the registered city", "Travaille hors de la ville déclarée"
    ),
    number("LIVE_CITY_NOT_WORK_CITY", "flag", "Works in another city", "Travaille dans une autre ville"),
    number("EXT_SOURCE_1", "score", "External credit score 1", "Score de crédit externe 1"),
    number("EXT_SOURCE_2", "score", "External credit score 2", "Score de crédit externe 2"),
    number("EXT_SOURCE_3", "score", "External credit score 3", "Score de crédit externe 3"),
    number("APARTMENTS_AVG", "ratio", "Building: size of apartments", "Immeuble : taille des appartements"),
    number("BASEMENTAREA_AVG", "ratio", "Building: basement area", "Immeuble : surface du sous-sol"),
    number("YEARS_BEGINEXPLUATATION_AVG", "ratio", "Building: years in use", "Immeuble : années d'usage"),
    number("YEARS_BUILD_AVG", "ratio", "Building: age", "Immeuble : âge"),
    number("COMMONAREA_AVG", "ratio", "Building: common area", "Immeuble : parties communes"),
    number("ELEVATORS_AVG", "ratio", "Building: elevators", "Immeuble : ascenseurs"),
    number("ENTRANCES_AVG", "ratio", "Building: entrances", "Immeuble : entrées"),
    number("FLOORSMAX_AVG", "ratio", "Building: highest floor", "Immeuble : étage le plus haut"),
    number("FLOORSMIN_AVG", "ratio", "Building: lowest floor", "Immeuble : étage le plus bas"),
    number("LANDAREA_AVG", "ratio", "Building: land area", "Immeuble : surface du terrain"),
    number("LIVINGAPARTMENTS_AVG", "ratio", "Building: living apartments", "Immeuble : appartements habités"),
    number("LIVINGAREA_AVG", "ratio", "Building: living area", "Immeuble : surface habitable"),
    number("NONLIVINGAPARTMENTS_AVG", "ratio", "Building: other premises", "Immeuble : autres locaux"),
    number("NONLIVINGAREA_AVG", "ratio", "Building: area of other premises", "Immeuble : surface des autres locaux"),
    number("TOTALAREA_MODE", "ratio", "Building: total area", "Immeuble : surface totale"),
    number(
        "OBS_30_CNT_SOCIAL_CIRCLE",
        "count",
        "Acquaintances with a 30-day late payment record",
        "Proches suivis pour un retard de 30 jours",
    ),
    number(
        "DEF_30_CNT_SOCIAL_CIRCLE",
        "count",
        "Acquaintances who defaulted (30 days late)",
        "Proches en défaut (30 jours de retard)",
    ),
    number(
        "OBS_60_CNT_SOCIAL_CIRCLE",
        "count",
        "Acquaintances with a 60-day late payment record",
        "Proches suivis pour un retard de 60 jours",
    ),
    number(
        "DEF_60_CNT_SOCIAL_CIRCLE",
        "count",
        "Acquaintances who defaulted (60 days late)",
        "Proches en défaut (60 jours de retard)",
    ),
    number("FLAG_DOCUMENT_3", "flag", "Provided document 3", "A fourni le document 3"),
    number("FLAG_DOCUMENT_6", "flag", "Provided document 6", "A fourni le document 6"),
    number("FLAG_DOCUMENT_8", "flag", "Provided document 8", "A fourni le document 8"),
    number(
        "AMT_REQ_CREDIT_BUREAU_HOUR",
        "count",
        "Credit bureau enquiries in the last hour",
        "Consultations du fichier de crédit dans l'heure",
    ),
    number(
        "AMT_REQ_CREDIT_BUREAU_DAY",
        "count",
        "Credit bureau enquiries in the last day",
        "Consultations du fichier de crédit dans la journée",
    ),
    number(
        "AMT_REQ_CREDIT_BUREAU_WEEK",
        "count",
        "Credit bureau enquiries in the last week",
        "Consultations du fichier de crédit dans la semaine",
    ),
    number(
        "AMT_REQ_CREDIT_BUREAU_MON",
        "count",
        "Credit bureau enquiries in the last month",
        "Consultations du fichier de crédit dans le mois",
    ),
    number(
        "AMT_REQ_CREDIT_BUREAU_QRT",
        "count",
        "Credit bureau enquiries in the last quarter",
        "Consultations du fichier de crédit dans le trimestre",
    ),
    number(
        "AMT_REQ_CREDIT_BUREAU_YEAR",
        "count",
        "Credit bureau enquiries in the last year",
        "Consultations du fichier de crédit dans l'année",
    ),
]

_DOCUMENTS = [hidden(f"FLAG_DOCUMENT_{i}") for i in range(2, 22) if i not in (3, 6, 8)]
_ALL_DOCUMENTS = " ".join(f"FLAG_DOCUMENT_{i}" for i in range(2, 22))
_EXT = "EXT_SOURCE_1 EXT_SOURCE_2 EXT_SOURCE_3"

_DERIVED = [
    derived(
        "ANNUITY_CREDIT_RATIO",
        "ratio",
        "AMT_ANNUITY AMT_CREDIT",
        "ratio",
        "Yearly repayment as a share of the loan",
        "Part du prêt remboursée chaque année",
        "AMT_ANNUITY / AMT_CREDIT: a high value means a short repayment period.",
    ),
    derived(
        "CREDIT_GOODS_RATIO",
        "ratio",
        "AMT_CREDIT AMT_GOODS_PRICE",
        "ratio",
        "Loan amount compared with the price of the goods",
        "Montant du prêt rapporté au prix du bien",
        "AMT_CREDIT / AMT_GOODS_PRICE: above 1 the loan finances more than the goods.",
    ),
    derived(
        "ANNUITY_INCOME_RATIO",
        "ratio",
        "AMT_ANNUITY AMT_INCOME_TOTAL",
        "ratio",
        "Share of income spent on repayments",
        "Part du revenu consacrée aux remboursements",
        "AMT_ANNUITY / AMT_INCOME_TOTAL: the repayment burden.",
    ),
    derived(
        "CREDIT_INCOME_RATIO",
        "ratio",
        "AMT_CREDIT AMT_INCOME_TOTAL",
        "ratio",
        "Loan amount in years of income",
        "Montant du prêt en années de revenu",
        "AMT_CREDIT / AMT_INCOME_TOTAL.",
    ),
    derived(
        "INCOME_PER_PERSON",
        "ratio",
        "AMT_INCOME_TOTAL CNT_FAM_MEMBERS",
        "currency",
        "Income per household member",
        "Revenu par membre du foyer",
        "AMT_INCOME_TOTAL / CNT_FAM_MEMBERS.",
    ),
    derived(
        "EMPLOYED_AGE_RATIO",
        "ratio",
        "DAYS_EMPLOYED DAYS_BIRTH",
        "ratio",
        "Share of life spent in the current job",
        "Part de la vie passée dans l'emploi actuel",
        "DAYS_EMPLOYED / DAYS_BIRTH, missing when the client has no current job.",
    ),
    derived(
        "REGISTRATION_AGE_RATIO",
        "ratio",
        "DAYS_REGISTRATION DAYS_BIRTH",
        "ratio",
        "Share of life since the registration changed",
        "Part de la vie depuis le changement d'état civil",
        "DAYS_REGISTRATION / DAYS_BIRTH.",
    ),
    derived(
        "PHONE_CHANGE_AGE_RATIO",
        "ratio",
        "DAYS_LAST_PHONE_CHANGE DAYS_BIRTH",
        "ratio",
        "Share of life with the same phone number",
        "Part de la vie avec le même téléphone",
        "DAYS_LAST_PHONE_CHANGE / DAYS_BIRTH.",
    ),
    derived(
        "CAR_AGE_RATIO",
        "ratio",
        "OWN_CAR_AGE DAYS_BIRTH",
        "ratio",
        "Age of the car compared with the client's age",
        "Âge de la voiture rapporté à l'âge du client",
        "OWN_CAR_AGE / DAYS_BIRTH (years over days, negative).",
    ),
    derived(
        "EXT_SOURCE_MEAN",
        "mean",
        _EXT,
        "score",
        "Average of the external credit scores",
        "Moyenne des scores de crédit externes",
        "Mean of the available EXT_SOURCE_1..3.",
    ),
    derived(
        "EXT_SOURCE_MIN",
        "min",
        _EXT,
        "score",
        "Lowest external credit score",
        "Plus bas score de crédit externe",
        "Minimum of the available EXT_SOURCE_1..3.",
    ),
    derived(
        "EXT_SOURCE_MAX",
        "max",
        _EXT,
        "score",
        "Highest external credit score",
        "Plus haut score de crédit externe",
        "Maximum of the available EXT_SOURCE_1..3.",
    ),
    derived(
        "EXT_SOURCE_STD",
        "std",
        _EXT,
        "score",
        "Disagreement between external credit scores",
        "Écart entre les scores de crédit externes",
        "Population standard deviation (ddof 0) of the available EXT_SOURCE_1..3.",
    ),
    derived(
        "EXT_SOURCE_PRODUCT",
        "product",
        _EXT,
        "score",
        "Combined external credit score",
        "Score de crédit externe combiné",
        "EXT_SOURCE_1 × EXT_SOURCE_2 × EXT_SOURCE_3, missing if one is.",
    ),
    derived(
        "DOCUMENT_COUNT",
        "sum",
        _ALL_DOCUMENTS,
        "count",
        "Number of documents provided",
        "Nombre de documents fournis",
        "Sum of FLAG_DOCUMENT_2..21.",
    ),
    derived(
        "CREDIT_BUREAU_ENQUIRIES",
        "sum",
        "AMT_REQ_CREDIT_BUREAU_HOUR AMT_REQ_CREDIT_BUREAU_DAY AMT_REQ_CREDIT_BUREAU_WEEK "
        "AMT_REQ_CREDIT_BUREAU_MON AMT_REQ_CREDIT_BUREAU_QRT AMT_REQ_CREDIT_BUREAU_YEAR",
        "count",
        "Credit bureau enquiries before the application",
        "Consultations du fichier de crédit avant la demande",
        "Sum of the six AMT_REQ_CREDIT_BUREAU_* counts.",
    ),
    derived(
        "GOODS_CREDIT_GAP",
        "difference",
        "AMT_CREDIT AMT_GOODS_PRICE",
        "currency",
        "Loan amount beyond the price of the goods",
        "Montant prêté au-delà du prix du bien",
        "AMT_CREDIT - AMT_GOODS_PRICE.",
    ),
]

# Order matters: derivations are evaluated in this order and model features follow it.
DECLARED: list[Declared] = _NUMBERS + _DOCUMENTS + _CATEGORIES + _DERIVED

# Raw fields an application still carries, with their allowed values, but no feature reads:
# protected attributes (see policy.py), kept for fairness measurement only.
RAW_ONLY: list[Declared] = [
    category("CODE_GENDER", "Gender", "Genre", "F|M|XNA"),
    category(
        "NAME_FAMILY_STATUS",
        "Family situation",
        "Situation familiale",
        "Single / not married|Married|Civil marriage|Widow|Separated|Unknown",
    ),
]
