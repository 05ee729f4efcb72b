"""Patient words for the symptoms of clinical/symptoms.md, in Norwegian Bokmål and English.

This module holds the `Cue`, the shared word lists (`MACROS`), the emergency items and the routine
items; the urgent items are in `lexicon_neuro` and `lexicon_urgent`.

Each `Cue` says which symptom code (or which intermediate sign, "sign:...") a phrase describes.
Patterns use the little language of `../matching.py`: ``word``, ``=exact``, ``stem*``, ``@MACRO``,
``a|b`` (either), ``pins_and_needles`` (a phrase); spaces = slots in that order; `` + `` = groups
in any order within the same clause. Words are written with æøå; matching folds them, so
"svimmel", "Svimmel" and "svimel" (a typo) all match. Hyphenated words are phrases
("ms_forverring"), because the hyphen splits them into two words.

Negated, hypothetical and past mentions are sorted out by the `qualify` stage, not here: a cue only
says what a phrase is about. A phrase whose meaning *is* a negation ("klarer ikke å gå",
"can't feel my toes", "svarer ikke") carries the negation word in its pattern.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    code: str  # a symptom code of symptoms.md, or "sign:..."/"mod:..."/"ctx:..." for the later stages
    pattern: str
    unless: str | None = None  # a term that, anywhere in the same clause, cancels the cue
    scope: str = "clause"  # "sentence": the groups may sit in different clauses of one sentence
    lang: str | None = None  # "nb"/"en" when a word means something else in the other language


MACROS = {
    "NOT": "ikke|ikkje|not|never|aldri|=no|ingen|ingenting|nothing|unable|uten",
    "CAN": "klarer|klarte|greier|greide|kan|kunne|får|fikk|makter|orker|can|could|able|manage|managed|do|does|did|will",
    "ARM": "arm|armen|arma|armer|armene|=arms|hand|hånd|hånda|hånden|hender|hendene|hands|finger|fingre|fingrene|fingers"
    "|fingertupp*|fingertip*|tommel*|thumb|thumbs|håndledd*|wrist|wrists",
    "LEG": "bein|beinet|beina|beine|beinene|=ben|benet|bena|benene|legg|leggen|leggene|fot|foten|føtter|føttene|fotsåle*"
    "|låret|lårene|kne|kneet|knær|knærne|leg|legs|foot|feet|toe|toes|tær|tærne|=tåa|tåen|thigh|thighs|calf"
    "|calves|ankel|ankelen|ankle|ankles",
    "LIMB": "@ARM|@LEG",
    "SIDE": "venstre|høyre|ene|left|right|one|halve|half",
    "BODY": "@LIMB|ansikt*|face|kropp*|body|side|sida|rygg*|back|mage*|stomach|belly|bryst*|chest|hode*|head|lepp*|lip"
    "|lips|tunge|tunga|tungen|tongue|kinn*|cheek|cheeks|skin|hud|huden",
    "FACE": "ansikt|ansiktet|fjes|fjeset|face|lepp*|leppa|leppen|leppene|lepper|lip|lips|tunge|tunga|tungen"
    "|tongue|munn|munnen|mouth|kinn|kinnet|cheek"
    "|cheeks|øyelokk*|eyelid|eyelids|=øyne|=øynene|=eyes|øyet|=eye|kjeve*|=jaw",
    "THROAT": "hals|halsen|throat|svelg|svelget|strupe*|luftrør*|windpipe",
    "SWELL": "tjukk|tjukke|tjukt|tjukkare"
    "|hoven|hovent|hovne|hovner|hovnet|hovna|hevelse|hevelser|hevelsen|oppsvulmet|svulmer|svulmet|svullen"
    "|opphovnet|tykk|tykke|tykkere|swollen|swelling|swell|swells|swelled|puffy|puffed|thick|thicker|bigger|enlarged",
    "WEAK": "svak|svake|svakt|svakere|svakhet*|kraftløs*|kraftesløs*|slapp|floppy|limp|jelly|gelé|gele|weak|weaker"
    "|weakness|feeble|tung"
    "|tunge|tungt"
    "|tyngre|heavy|heavier|lam|lamme|lammet|useless|dead|død|døde",
    "PAIN": "vondt|vond|vonde|smerte|smerter|smertene|smerten|verk|verker|verke|verket|ømt|ømme|sår|sårt|såre|pain|pains"
    "|painful|hurt|hurts|hurting|ache|aches|aching|achy|sore|tender|throbbing|dunker|murrer|stikker|sting|stings",
    "INJ": "infusjon*|infusion|infusions|the_medicine|medisinen"
    "|sprøyt*|injeksjon*|injection|injections|injected|injecting|injiser*|dose|dosen|dosene|dosa|=shot|=jab|tysabri"
    "|natalizumab|tyruko|stikket",
    "URINE": "urin|urinen|tiss|tisset|tissen|tisse|tisser|vannlating*|urinering*|pee|peeing|wee|weeing|urine|urinate"
    "|urinating|urination|piss",
    "ADMIN": "dose|dosen|doser|dosene|doses|dosa|sprøyt*|syringe|syringes|injection|injections|injeksjon*|injiser*|inject"
    "|injecting|logg*|=log|logged|logging|bestill*|=order|ordering|ordered|resept*|prescription*|apotek*|pharmacy"
    "|pharmacist|=app|appen|passord*|password*|login|innlogg*|=pin|pinkode*|brukernavn|username|medisin*|medicine"
    "|medication*|tablett*|pill|pills|vitamin*|hente|henting|pickup|levering*|delivery|sykepleier*|nurse|klinikk*|clinic",
    "JOINT": "ledd*|joint|joints|muskel*|muskler|musklene|muscle|muscles|rygg*|back|skuld*|shoulder*|=kne|kneet|knær"
    "|knee|knees|hofte*|hip|hips|albue*|elbow*|håndledd*|wrist*|ankel*|ankle*|fingerledd*|@LEG|@ARM|kropp*|body"
    "|all_over|hele_meg|kjeve*|jaw|setet|bekken*|pelvis",
    "SITE": "stikkstedet|stikksted*|innstikk*|injeksjonssted*|injection_site|injection_sites|injection_spot|site",
}

_C = Cue

# Emergencies that have just passed still need a clinician now: a seizure, a faint or chest pain that
# "went over" is not resolved (symptoms.md, emergency items); only a long-past one is history.
PASSED_STILL_COUNTS = frozenset(
    "breathing_difficulty face_throat_swelling chest_pain fainting_collapse seizure sudden_paralysis meningitis_signs"
    " hard_to_wake".split()
)

EMERGENCY_CUES: tuple[Cue, ...] = (
    # --- emergency: allergic, chest, fainting, seizure, stroke-like, meningitis, unresponsive (facts B1, E2, E6)
    _C("breathing_difficulty", "pust|puste|pusten|puster|pustet|pusting + vanskelig*|tung|tungt|tyngre|dårlig|dårlige"
       "|problem*|besvær*|vansker|sliter|anstrengt|knapt|hakker|piper|pipelyd*|strever"),
    _C("breathing_difficulty", "@CAN @NOT puste|pust|pusten|breathe|breath"),
    _C("breathing_difficulty", "dårlig|ikke|lite|knapt|mangler|nok|@NOT luft|lufta|luften"),
    _C("breathing_difficulty", "tungpust*|andpusten|andpustet|kortpust*|åndenød|pustebesvær*|pusteproblem*|luftsult"
       "|lufthunger|pipende|piping|wheez*|breathless*|shortness_of_breath|short_of_breath|astmaanfall"),
    _C("breathing_difficulty", "breath|breathe|breathing + hard|difficult|difficulty|trouble|struggl*|laboured|labored"
       "|problem*|tight|short|shallow|gasping|heavy"),
    _C("breathing_difficulty", "catch my|catch his|catch her breath"),
    _C("breathing_difficulty", "gasping|gasp|gasps|gisper|gispet|snapper|struggling|fighting|kjemper for|etter air|luft"
       "|lufta|breath"),
    _C("breathing_difficulty", "tett|tetthet|trang|snører|snevrer|lukker|lukket|closing|closes|tight|tightness|narrow*"
       "|tighten* + @THROAT", unless="nese*|nose|forkjøl*|snue|mandl*|tonsil*"),
    _C("breathing_difficulty", "piper|piping + bryst*"),
    _C("breathing_difficulty", "puster|puste|pusten|breathing|breathes|breath + rart|strange|weird|odd|funny|unormalt"
       "|abnormal*|rallende|rattling|noisy|gurgl*|surkler|snapper|gisper|gasping|gasps"),
    _C("breathing_difficulty", "blå|blåe|blåaktig|blue|bluish|grey|grå + lepp*|lips|munn*|mouth|ansikt*|face",
       unless="blåmerke*|bruise*|@SITE|stikk*"),  # blue lips: not enough air
    _C("face_throat_swelling", "@SWELL + @FACE|@THROAT", unless="kjertl*|kjertel*|lymf*|gland*|mandl*|tonsil*|node*"
       "|knute*|blåmerke*|bruise*|abscess*|byll*|tann|tannen|tenner|tooth|teeth|dental|visdomstann*|wisdom"
       "|tannlege*|dentist"),  # a swollen cheek from a tooth abscess is an infection, not an allergy
    _C("face_throat_swelling", "angioødem*|angioedema"),
    _C("chest_pain", "bryst*|chest|hjerte* + @PAIN|trykk*|press*|pressure|tight*|tetthet|klem*|squeez*|heavy|tungt"
       "|ubehag|discomfort|burning|brenn*", unless="=brystene|=bryster|brystvorte*|breasts|nipple*|amm*|halsbrann"
       "|heartburn|reflux|oppstøt*|brystkreft*"),
    _C("chest_pain", "brystsmert*|hjerteinfarkt|infarkt|heart_attack|angina"),
    _C("chest_pain", "sitting|sits|sitter|weight|vekt|elephant|elefant|crushing|knusende|band|bånd|vice|skrustikke"
       " + chest|bryst*|brystet", unless="blemme*|blister*|utslett|rash|vabler"),
    _C("fainting_collapse", "svimte|svimer|svime|svimt av"),
    _C("fainting_collapse", "besvim*|dånet|kollaps*|collaps*|fainted|fainting|faints"
       "|segnet|svartnet|bevisstløs|bevisstløse|unconscious|blacked_out|black_out"),
    _C("fainting_collapse", "passed|pass|passing|passes out", unless="leaflet*|brochure*|paper*|form|forms|flyer*"
       "|message|word"),
    _C("fainting_collapse", "feel|felt|feeling|going|about|nearly|almost|gonna faint"),
    _C("fainting_collapse", "mistet|miste|lost|losing bevisstheten|bevissthet*|consciousness"),
    _C("fainting_collapse", "falt|datt|fell|keeled om|over", unless="sovne*|asleep|sleep|søvn*|sprøyt*|syringe*"
       "|dato*|date*|feber*|fever|temp*|tempen|=ut|=out|=off|apart|sykkel*|bike*|isen|ice|trapp*|stairs|steps"
       "|tripped|snublet|snubla|bord*|table"),
    _C("seizure", "krampeanfall*|epileptisk*|epilepsi*|seizure|seizures|seizing|convuls*|kramper|krampe|krampet"
       "|krampetrekning*|krampene", unless="@LEG|@ARM|mage*|magen|muskel*|muskl*|calf|muscle*|stomach|menstru*|mens"
       "|mensen|period*|nattlig*|night|natten|natta|leggkramp*|fotkramp*|menssmert*"),
    _C("seizure", "=anfall|anfallet|anfallene", unless="panikk*|angst*|migren*|panic|hoste*|latter*|astma*|smerte*"
       "|hodepine*|svimmel*"),
    _C("seizure", "had|having|has a =fit|fits", lang="en"),
    _C("seizure", "been|is|was|started|keeps|keep|still fitting", lang="en"),
    _C("seizure", "rykk*|rykninger|rykker|rykket|jerk*|jerking|twitch*|shaking|rister|ristet|skjelver|skalv + hele|all"
       "|whole|armer_og_bein|arms_and_legs + kropp*|body|over"),
    _C("seizure", "rykk*|rykker|rykninger|jerk*|shaking|rister|skjelver|stiv|stiff + svarer|responding|respond"
       "|bevisst*|conscious*|kontakt|contact"),
    _C("seizure", "stiv|stiff|stivnet|rigid + shook|shaking|shake|shakes|rister|ristet|rykket|rykker|jerked|jerking"
       "|convuls*|skalv|skjelvet", scope="sentence"),
    _C("sudden_paralysis", "lam|lamme|lammet|lammelse*|lammelser|paralys*|paralyz*|hjerneslag|=drypp|stroke"
       "|slagtilfelle", unless="stroking|stroked|heatstroke|heat|sunstroke|solstikk*"),
    _C("sudden_paralysis", "skjev|skjeve|skeiv|crooked|lopsided|uneven + munn*|ansikt*|smil*|fjes*|face|mouth|smile"),
    _C("sudden_paralysis", "henger|hengende|droop*|drooping|droopy|sagging|sags|slack|hanging + munn*|ansikt*|face"
       "|mouth|smile|lip|lips|munnvik*|øyelokk*|eyelid*|kinn*|cheek"),
    _C("meningitis_signs", "hjernehinnebetennelse*|meningitt|meningitis|encefalitt|encephalitis|hjernebetennelse*"),
    _C("meningitis_signs", "utslett|prikker|flekker|rash|spots + blekner|fade|fades|fading|glass"),
    _C("sign:stiff_neck", "stiv|stive|stivt|stivhet|stiff|stiffness + nakke*|neck|nakken"),
    _C("sign:stiff_neck", "nakkestiv*|nakkestivhet"),
    _C("sign:stiff_neck", "nakke*|neck + @PAIN|vondt|hurts|stiff|stiv + bøye*|bøyer|bend|bending|forward|fremover"
       "|chin|haka|haken|look_down|se_ned", scope="sentence"),
    _C("sign:stiff_neck", "@CAN @NOT bøye|bend|bøyd|touch|move + nakke*|neck|hake*|chin|hode*|head"),
    _C("sign:light", "lyssky|lysskye|lysømfintlig*|lysfølsom*|photophob*"),
    _C("sign:light", "light|lyset|lys|sunlight|bright + hurts|hurt|vondt|painful|sensitive|bother*|plager|tåler"),
    _C("sign:worst_headache", "verste|worst|kraftigste|sterkeste|voldsom*|eksplo*|thunderclap|lynhodepine|tordenskrall*"
       "|plutselig|plutselige|sudden|suddenly|brått + hodepine*|headache*|hodet|head"),
    _C("hard_to_wake", "vanskelig|umulig|hard|difficult|impossible + å|to vekke|vekkes|wake|waken|rouse"),
    _C("hard_to_wake", "@CAN @NOT vekke|vekket|wake|rouse|få_liv|få_kontakt|kontakt|contact|get_him_up|get_her_up"
       "|through_to_him|through_to_her", unless="telefon*|phone|ringe|call|apotek*|pharmacy|klinikk*|clinic|legen"
       "|legekontor*|doctor|kontor*|office|sykehus*|hospital|dere|=you|nav|support|kundeservice"),
    _C("hard_to_wake", "stirrer|stirret|staring|stares|stared + tomt|blankly|ut_i_lufta|ut_i_luften|into_space|blank"
       "|bare|just|ikke|not", unless="skjerm*|screen|tv|telly|telefon*|phone|=pc|computer"),
    _C("hard_to_wake", "@NOT @CAN vekke|vekket|wake|rouse|vekt"),
    _C("hard_to_wake", "svarer|reagerer|responderer|responding|respond|responds|reacting|reagerte|svarte @NOT",
       unless="telefon*|phone*|melding*|message*|mail*|epost|sms|klinikk*|clinic*|sykepleier*|nurse*|legen"
       "|doctor|apotek*|pharmacy|=app|appen|spørsmål*|question*|anrop|call*|calls|texts|lege*|behandling*|treatment"
       "|medisin*|medication*"),
    _C("hard_to_wake", "unresponsive|uresponsiv*|semibevisst|semi_conscious|stopped_responding|stopped_answering"
       "|sluttet_å_svare|sluttet_å_reagere|went_limp|went_floppy|ble_helt_slapp"),
    _C("hard_to_wake", "vil|will @NOT våkne|wake|wake_up", unless="jeg|=i"),
    _C("hard_to_wake", "helt|very|veldig|svært|extremely|completely + sløv|sløve|floppy|lethargic|limp|slapp_og_uklar"),
    _C("hard_to_wake", "svært|veldig|ekstremt|very|extremely|unormalt|unusually|abnormally + døsig|drowsy|søvnig|sleepy"
       "|groggy|omtåket"),
    _C("hard_to_wake", "sover|sleeping|sleeps + hele|all + tiden|dagen|day", unless="natt*|night"),
    _C("hard_to_wake", "@CAN @NOT holde|stay|keep + våken|awake|øynene_oppe|eyes_open"),
)

ROUTINE_CUES: tuple[Cue, ...] = (
    # --- routine items (facts B3: often not caused by the drug, but the nurse sees them)
    _C("headache_mild", "hodepine*|hodepina|hodepinen|headache|headaches|headake|headakes|hedache|hedake"
       "|headach|migrene*|migraine*|hodesmerte*|hodeverk"
       "|verk_i_hodet|vondt_i_hodet|spenningshodepine"),
    _C("headache_mild", "hode|hodet|head + @PAIN|vondt|dunker|pounding|banker|throbbing|verker|sprenger|splitting"
       "|trykk|pressure", unless="@FACE|=lus|lice"),
    _C("sign:severe_headache", "kraftig|kraftige|sterk|sterke|severe|terrible|awful|bad|dreadful|horrible|verste"
       "|worst|intense|intens|kjempevondt"
       "|forferdelig|grusom|voldsom|unbearable|uutholdelig|blinding|splitting|hellish + hodepine*|headache*"
       "|migrene*|migraine*"),
    _C("fatigue", "trøttere|tiredere|more_tired|mer_sliten|slitnere|mer_trøtt|extra_tired|more_exhausted|so_tired"
       "|så_sliten|så_trøtt", unless="lei|@LIMB|@SIDE|=of"),
    _C("fatigue", "trøtt|trøtte|trøtthet|trøttheten|trett|trette|tretthet|trettheten|sliten|slitne|utmattet|utmattelse"
       "|utmattelsen|utslitt|fatigue|fatigued|tired|tiredness|exhausted|exhaustion|worn_out|drained|energiløs"
       "|orkeløs|sleepy|søvnig|døsig|drowsy|lethargic|lethargy|slapp|slappe|slapphet|tom_for_energi|no_energy"
       "|low_energy|lite_energi|ingen_energi|ingen_krefter|kraftløs|svak|weak|wiped", unless="lei|@LIMB|@SIDE|=of"),
    _C("joint_muscle_pain", "kramp*|cramp|cramps|cramping + @JOINT", unless="kropp*|body|hele|all|whole"),  # seizure
    _C("joint_muscle_pain", "@PAIN|vondt|støle|stølhet|verker|spent|tight + @JOINT|nakke*|neck",
       unless="@SITE|stikk*|injection*|injected|injiser*|sprøyt*|nummen*|numb*|prikk*|tingl*|@WEAK"
       "|brenn*|burning"),
    _C("joint_muscle_pain", "stiv|stive|stivt|stivhet|stiff|stiffness + @JOINT", unless="@SITE|stikk*|injection*"
       "|injected|sprøyt*|@WEAK"),  # a stiff neck is a sign of its own (meningitis with fever, E6)
    _C("joint_muscle_pain", "=om i|på @JOINT|nakke*|neck", lang="nb"),  # "øm i skuldrene" ("øm" folds to "om")
    _C("joint_muscle_pain", "achy|achey|aching|verkende|aches_and_pains|sore_all_over|støl|stiff_all_over",
       unless="@SITE|stikk*|injection*|head|hode*|stomach|mage*|tummy|throat|hals*|eye*|øye*|ear*|øre*|tooth|tann*"),
    _C("joint_muscle_pain", "leddsmerte*|muskelsmerte*|ryggsmerte*|nakkesmerte*|ryggvondt|back_pain|backache"
       "|body_aches|muscle_aches|muskelverk|leddverk|gikt|artritt|arthritis|artrose|osteoarthritis|verk_i_kroppen"
       "|vondt_i_kroppen|aching_all_over|sore_muscles|stiff_joints|leggkramp*|muskelkramp*|fotkramp*|tennisalbue"
       "|isjias|sciatica|lumbago|hekseskudd|forstuet|sprain|sprained|sprains|tendinitt|tendonitis|senebetennelse*"),
    _C("stomach_upset_mild", "mage|magen|stomach|tummy|belly|abdomen|bowels|tarm* + @PAIN|vondt|urolig|uro|rar|rart"
       "|dårlig|upset|knip|knipe|cramps|cramping|kramp*|oppblåst|bloated|funny|=off|grumbling|rumler|ustabil|trøbbel",
       unless="øverst|upper|top|ribbein*|ribs|lever*|liver|@SITE|stikk*|injection*|injected|sprøyt*|=ms"),
    _C("stomach_upset_mild", "halsbrann|heartburn|sure_oppstøt|reflux|refluks|acid_reflux|forstoppelse|forstoppet"
       "|constipation|constipated|oppblåst|bloated|bloating|luft_i_magen|magesår|gastritt|gastritis|indigestion"
       "|dårlig_mage|urolig_mage|upset_stomach|stomach_upset|mageproblem*|tummy_ache|stomach_ache|stomachache"
       "|magesmerter|magesmerte|magevondt|mageknip|magekramper|stomach_cramps|vondt_i_magen"),
    _C("dizziness_mild", "svimmel|svimle|svimmelhet*|svimmelheten|svimmelt|dizzy|dizziness|dizzyness|lightheaded|light_headed"
       "|woozy|vertigo|ørhet|ørsk|ør_i_hodet"),
    _C("dizziness_mild", "rommet|room|alt|everything|verden|world + snurrer|spinner|spinning|spins|går_rundt"
       "|gikk_rundt|turning|tilting"),
    _C("cold_no_fever", "forkjølelse*|forkjølet|forkjølt|snue|snørr*|snørrete|=snot|snotty|tett_nese|tett_i_nesa"
       "|tett_i_nesen|rennende_nese|nesa_renner|nesen_renner|runny_nose|stuffy_nose|blocked_nose|bunged_up|sniffles"
       "|sniffling|sår_hals|sårhals|halsvondt|vondt_i_halsen|halsen_er_sår|sore_throat|sore_throught|sore_throut"
       "|throat_hurts|scratchy_throat|forkjøla|forkjøle"
       "|hoste|hoster|hostet|hosting|hostekule*|cough|coughing|coughs|coughed|nyser|nyste|nysing|sneez*"
       "|bihulebetennelse*|sinusitt|sinusitis|sinus_infection|ørebetennelse*|ear_infection|halsbetennelse*"
       "|mandelbetennelse*|tonsillitt|tonsillitis|strep|laryngitt|laryngitis|mistet_stemmen|lost_my_voice|heshet"
       "|hoarse|=hes|slim_i_halsen|phlegm|mucus|catarrh|vondt_å_svelge|hurts_to_swallow|painful_to_swallow"
       "|swollen_glands|hovne_kjertler|hovne_lymfeknuter|lymfeknuter|virus|viral|forkjølelsessymptom*"),
    _C("cold_no_fever", "influensa|flu|influenza|covid|korona|corona|koronavirus|rsv", unless="vaksin*|vaccin*|jab"
       "|jabs|=shot|shots|sprøyt*|stikk*|vaccination|booster|oppfrisk*|dose|doser|doses"),
    _C("cold_no_fever", "a|head|chest|bad|nasty|heavy|stinking|slight|little|got|caught|catching|catch|fighting|have"
       "|with =cold|colds", lang="en", unless="hands|feet|water|drink|weather|chain|storage|pack|bag|room|fridge"
       "|outside|=feel|=felt|=feeling|=air|=sweat|=sweats|=spot|=sore|=sores|=compress|=shower"),
    _C("cold_sore_lip", "forkjølelsessår*|munnsår*|cold_sore|cold_sores|feberblemme*|fever_blister|fever_blisters"
       "|leppeherpes"),
    _C("cold_sore_lip", "blemme*|blister*|=sår|sore|herpes + lepp*|lip|lips|munnvik*"),
    _C("low_mood", "nedstemt|nedfor|deprimert|depresjon|depressed|depression|trist|tristhet|sad|sadness|lei_meg"
       "|gråter|gråtkvalt|gråtmild|crying|tearful|feeling_down|feel_down|feeling_low|feel_low|low_mood|motløs"
       "|håpløs*|hopeless|tungsinn*|angst|angstfull|anxious|anxiety|engstelig|panikkanfall*|panic_attack"
       "|panic_attacks|stresset|stressed|overveldet|overwhelmed|orker_ikke_mer|can_not_cope|klarer_ikke_mer|deppa"
       "|deppet|depp|melankolsk|ulykkelig|unhappy|miserable|nervøs*|nervous|ingen_vits|no_point|pointless"
       "|meningsløst|håpløst"),
    _C("low_mood", "feel|feeling|felt|føler|følt|føles down|low|nedfor|nedstemt|deppa|blue", unless="@ADMIN|=lie|=sit"),
    _C("menstrual_changes", "mens|mensen|menstruasjon*|menses|period|periods|menstrual + uregelmessig*|irregular"
       "|heavier|heavy|kraftig*|kraftigere|lighter|changed|endret|annerledes|different|borte|stopped|painful|vondt"
       "|smertefull*|lengre|longer|oftere|more_often|sjeldnere|early|tidlig|tidligere|uvanlig*|unusual|rar|weird"
       "|blødning*|bleeding|twice|to_ganger", unless="=of|=av"),
    _C("menstrual_changes", "mellomblødning*|spotting|menssmert*|menstruasjonssmert*|period_pain|period_pains"
       "|period_cramps|menstrual_cramps|pms|pmdd|overgangsalder*|menopause|klimakter*"),
    _C("known_ms_stable", "=ms + fatigue|trøtt*|trett*|tretthet|sliten|tired|tiredness|exhausted|exhaustion|utmatt*"
       "|@LEG|balance|balansen|gange|walking|brain|hjerne*"
       "|smerte*|pain|plager|plagene|symptoms|symptomer"
       "|symptomene|spasm*|spastisitet|stiv*|stiff*|dag|day|days|dager", unless="verre|værre|worse|=ny|=nye|=nytt"
       "|=new|tilbake|back|økt|increased|attakk*|relapse*|flare*|oppbluss*"),
    _C("known_ms_stable", "spastisitet|spasticity|spastisk|spastic|spasmer|spasms|spasm|stivhet_i_beina|stive_bein"
       "|stive_ben|stiff_legs|uthoff|uhthoff*"),
)

# --- issue 11 §5: emergencies told indirectly (clinical review 2026-12 §2.5.2, §2.6.5) -------------------------
EMERGENCY_CUES += (
    # Swelling told as size: "leppa er dobbelt så stor", "tunga kjennes for stor", "my lips look huge" (facts B1).
    _C("face_throat_swelling", "@FACE|@THROAT + dobbelt_så_stor|dobbelt_så_store|twice_the_size|huge|enorm|enorme"
       "|massive|kjempestor|kjempestore|for_stor|for_store|too_big|too_large|svær|svære|oppblåst|blown_up|puffed_up"
       "|belong_to_someone_else", unless="=gap|=gape"),
    # Breathing through something narrow: the airway is closing (facts B1).
    _C("breathing_difficulty", "puster|puste|pustar|breathing|breathe|breath + gjennom|through + sugerør|straw|rør|tube"
       "|pipe|pinhole|nålestikk|liten_åpning|pillow|pute|puta|puten|towel|håndkle|handkle|cloth|klut|blanket|dyne"
       "|pose|bag|plastic_bag|plastpose", scope="sentence"),
    # A collapse told with other verbs: sinking down, "being gone" for a moment, everything going black.
    _C("fainting_collapse", "seig|sank|sunk|sinking|segnet|sege + sammen|down|ned|to_the_floor|om"),
    _C("fainting_collapse", "var|was|went|ble|vart borte|gone|away|weg + øyeblikk|moment|sekund|sekunder|seconds"
       "|second|litt|bit", unless="fortsatt|still|framleis|fremdeles"),
    _C("fainting_collapse", "alt|everything|it + went|gikk|ble|vart black|svart|mørkt|dark",
       unless="øye|øyet|eye|synsfelt*|synet|sight|vision"),  # "alt svart på venstre øye": sight (round 8)
    _C("fainting_collapse", "came|come|kom round|around|til_meg_selv|til_meg_sjølv", unless="=here|=her|=to"),
    _C("fainting_collapse", "våknet|våkna|woke|came_round|came_to + på|on gulvet|golvet|floor|bakken|ground"),
    # Chest tightness as a band or a squeeze: chest_pain (symptoms.md "pain or pressure").
    _C("chest_pain", "stram|strammer|strammar|stramt|strammet|snører|snørar|klemmer|klemmar|tight|tightness"
       "|tighten*|squeez* + bryst*|brjost*|chest"),
    # Hard to wake, told by a relative: "får nesten ikke vekt ham", "I can barely wake her" (symptoms.md).
    _C("hard_to_wake", "@CAN @NOT vekt|vekke|vekket|vekkja|vekkje"),
    _C("hard_to_wake", "@CAN barely|hardly|knapt|nesten_ikke wake|waken|vekke|vekt|rouse"),
    # The worst, sudden headache: sudden_severe_headache, or meningitis signs with fever and a stiff neck.
    _C("sign:worst_headache", "hodepine*|hodepinen|hovudverk*|hovudpine*|headache|headaches|head + verste|worst"
       "|forferdelig*|forferdeleg*|terrible|voldsom*|eksplo*|ekstrem*|extreme", unless="@NOT|vanlig|usual|ordinary",
       scope="sentence"),
)
# Passive death wishes "pass" too: a thought that went over still needs the crisis screen (symptoms.md note).
PASSED_STILL_COUNTS = PASSED_STILL_COUNTS | {"self_harm_thoughts"}

EMERGENCY_CUES += (
    _C("face_throat_swelling", "@FACE|@THROAT + blowing_up|blown_up|balloon|ballong|like_a_balloon|som_en_ballong"),
    _C("fainting_collapse", "datt|dett|falt|fall|fell|seig|sank + saman|sammen|ihop|ihopa|in_a_heap"),
    # ... of a person, never of the pharmacy or the clinic ("fikk ikke kontakt med apoteket").
    _C("hard_to_wake", "@CAN @NOT liv|livet|kontakt|kontakta|contact + han|ham|henne|hun|he|him|her|@REL",
       unless="telefon*|phone|ringe|call|apotek*|pharmacy|klinikk*|clinic|lege*|doctor|kontor*|office"),
    _C("hard_to_wake", "sover|søv|sov|sleeps|sleeping + og_sover|og_søv|and_sleeps|and_sleeps_and|all_day|hele_dagen"
       "|heile_dagen|non_stop"),
    _C("sign:worst_headache", "smell|small|eksplosjon|explosion|bang|thunderclap|lyn + hode*|hodet|head|hovud*"),
)

EMERGENCY_CUES += (
    _C("fainting_collapse", "was|were|ended_up|found_myself|lay|lå|låg|came_to + on_the_floor|på_gulvet|på_golvet"
       "|on_the_ground|på_bakken|på_golvet", unless="sleep*|sove|sov|yoga|exercise|trening|leker|playing"),
    _C("fainting_collapse", "=out|borte|vekke + for|i a_minute|a_moment|seconds|a_few_seconds|a_second|et_minutt"
       "|eit_minutt|et_øyeblikk|eit_augeblikk|noen_sekunder|nokre_sekund"),
    _C("seizure", "stiv|stiff|rigid + rykte|rykka|rykket|rykker|rykkja|jerk*|twitch*|ristet|rista|shaking|shook|kramp*",
       scope="sentence"),
    _C("hard_to_wake", "super|so|really|ekstremt|utrolig|forferdelig drowsy|døsig|dåsig|søvnig|sleepy", unless="@NOT"),
    _C("hard_to_wake", "@CAN barely|hardly|knapt|nesten_ikke keep|holde|halde eyes_open|øynene_oppe|augene_opne"
       "|his_eyes_open|her_eyes_open|augo_opne"),
)

EMERGENCY_CUES += (
    _C("face_throat_swelling", "lepp*|lips|lip|tunge|tunga|tungen|tongue|tunga_mi + very_big|so_big|really_big"
       "|veldig_stor|svært_stor|så_stor|heilt_stor|too_large|enormous"),
)

EMERGENCY_CUES += (
    _C("fainting_collapse", "fall|dett|datt|falt om|over|i_golvet|i_gulvet"),
    _C("fainting_collapse", "livlaus|livløs|lifeless|bevisstlaus|bevisstløs|medvitslaus|out_cold"),
    _C("seizure", "krampande|krampar|krampa|krampet|krampende|kramper|fitting"),
    _C("sign:worst_headache", "lyn*|lynnedslag|thunder* + hodepine*|hovudpine*|hovudverk*|headache|hode*|hovud*"),
    _C("sign:worst_headache", "aldri|never + kjent|hatt|felt|had + liknande|lignende|like_it|like_this|anything_like"
       " + hodepine*|hovudpine*|hovudverk*|headache", scope="sentence"),
)

EMERGENCY_CUES += (
    # Non-native English: "my heart is squeeze", "pain go to left arm" (chest pain spreading to the arm).
    _C("chest_pain", "heart|hjerte|hjertet + squeez*|press*|pressure|crush*|tight*|klem*|trykk*"),
    _C("chest_pain", "pain|smerte*|vondt|=ache + go|goes|going|går|stråler|radiat*|spread* + left_arm|venstre_arm"
       "|arm|armen|kjeven|jaw", scope="sentence"),
)

EMERGENCY_CUES += (
    # "Hun er helt borte": a person who is "gone" is unresponsive, not recovered (symptoms.md hard_to_wake).
    _C("hard_to_wake", "han|hun|ho|hu + =er|=var|=vart|=ble + helt_borte|heilt_borte|totalt_borte|helt_vekke"
       "|heilt_vekke|ute_av_det"),
)

EMERGENCY_CUES += (
    _C("face_throat_swelling", "kul|kuler|kulene|klumper|klumpar|lumps|bumps|welts + @FACE|@THROAT"),
    _C("seizure", "datt|falt|fell|fall|dett|collapsed|kollapset + ristet|rista|risting|rykket|rykka|shaking|jerking"
       "|convuls*|krampe*|krampande", scope="sentence"),
    _C("hard_to_wake", "@NOT @CAN liv|livet|kontakt|kontakta|contact + han|ham|henne|hun|he|him|her|@REL",
       unless="telefon*|phone|ringe|call|apotek*|pharmacy|klinikk*|clinic|lege*|doctor|kontor*|office"),
)

EMERGENCY_CUES += (
    # Round 8: a seizure in Nynorsk without the word ("han stivna og rykka i armane", symptoms.md seizure).
    _C("seizure", "stivna|stivnet|stivnar|stivner|went_stiff|gikk_stiv + rykk*|jerk*|twitch*|ristet|rista|shaking"
       "|shook|kramp*", scope="sentence"),
)

EMERGENCY_CUES += (
    # Round 9: a seizure told by the eyes and the shaking, a collapse in idioms, "no answer" from a person,
    # breathing in tiny breaths (symptoms.md seizure, fainting_collapse, hard_to_wake, breathing_difficulty).
    _C("seizure", "øynene|eyes|=øyne + rulla|rullet|rullet_bakover|rulla_bakover|rolled|rolling|rolled_back"
       "|vrengte|vrengde"),
    _C("seizure", "rista|ristet|rister|skalv|shaking|shook|jerking|rykka|rykket + borte|=gone|unresponsive|svarte_ikke"
       "|svarte_ikkje", scope="sentence"),
    _C("fainting_collapse", "went_down_like|dropped_like|gikk_i_bakken|gikk_rett_i_bakken|gjekk_i_bakken"
       "|hit_the_floor|hit_the_deck|dropped_to_the_floor|crumpled|keeled|segna|seig_om|datt_om|deise*"),
    _C("hard_to_wake", "@CAN @NOT svar|svaret|respons|response|answer|reaksjon|reaction + han|ham|henne|hun|ho|he|him"
       "|her|@REL|av_ho|av_han|out_of_him|out_of_her", unless="telefon*|phone|ringe|call|apotek*|pharmacy|klinikk*"
       "|clinic|lege*|doctor|kontor*|office|nav|mail|epost|sms|melding*|message*"),
    _C("hard_to_wake", "@NOT @CAN svar|svaret|respons|response|answer|reaksjon|reaction + han|ham|henne|hun|ho|he|him"
       "|her|@REL|av_ho|av_han|out_of_him|out_of_her", unless="telefon*|phone|ringe|call|apotek*|pharmacy|klinikk*"
       "|clinic|lege*|doctor|kontor*|office|nav|mail|epost|sms|melding*|message*"),
    _C("breathing_difficulty", "tiny_breaths|small_breaths|short_breaths|shallow_breaths|little_breaths|små_pust"
       "|korte_pust|små_åndedrag|korte_åndedrag|små_andedrag|sitting_on_my_chest|sitting_on_me"),
)

EMERGENCY_CUES += (
    # Round 10: "Plutseleg såg eg ingenting på høgre auga": part of the sight gone (a sudden loss is an emergency
    # through the sudden-onset modifier, symptoms.md).
    _C("vision_change", "ser|såg|sag|så|saw|see|sees|can_see|could_see + ingenting|nothing|svart|black|grått|grey|gray"
       " + øye|øyet|auga|augo|eye|=øyne|=øynene|eyes|synsfelt*", scope="sentence"),
)

EMERGENCY_CUES += (
    # Round 11: "can't be woken up properly", "like a bomb went off in my head" (symptoms.md hard_to_wake,
    # sudden_severe_headache).
    _C("hard_to_wake", "@CAN @NOT + be_woken|be_woken_up|woken|woken_up|vekkes|vekkast|bli_vekket"),
    _C("hard_to_wake", "opens|åpner + eyes|øynene|augo + drifts_off|sovner|sovnar|dozes_off|falls_asleep"
       "|goes_back_to_sleep|sovner_igjen|sovnar_att", scope="sentence"),
    _C("sign:worst_headache", "bomb|bombe|bomben|exploded|exploding|eksploderte|eksploderer|went_off + head|hode*"
       "|hodet|hovud*|skull|skallen", scope="sentence"),
)

EMERGENCY_CUES += (
    # Round 12: a tongue that fills the mouth "like a sponge" (symptoms.md face_throat_swelling).
    _C("face_throat_swelling", "tunge|tunga|tungen|tongue|lepp*|lips + svamp|sponge|fyller|fills|filling|fyll + munnen"
       "|mouth|munnen_min|my_mouth", scope="sentence"),
)

EMERGENCY_CUES += (
    # Round 13: a windpipe "getting smaller", found on the floor with no memory of falling (symptoms.md).
    _C("breathing_difficulty", "windpipe|airway|airways|luftrør*|luftveg*|luftvei* + smaller|narrower|closing|trangere"
       "|mindre|smalere|tettere|lukker|snevr*|tighter", scope="sentence"),
    _C("fainting_collapse", "found_me|fant_meg|fann_meg|found_him|found_her|fant_han|fant_henne|fann_han|fann_ho"
       " + floor|gulvet|golvet|bakken|ground", scope="sentence"),
    _C("fainting_collapse", "@NOT remember|husker|recall + falling|fall|fell|falt|datt|going_down",
       scope="sentence"),
)
