"""Patient words for the symptoms of clinical/symptoms.md, in Norwegian Bokmål and English.

Each `Cue` says which symptom code (or which intermediate sign, "sign:...") a phrase describes.
Patterns use the little language of `triage_match`: ``word``, ``=exact``, ``stem*``, ``@MACRO``,
``a|b`` (either), ``pins_and_needles`` (a phrase); spaces = slots in that order; `` + `` = groups
in any order within the same clause. Words are written with æøå; matching folds them, so
"svimmel", "Svimmel" and "svimel" (a typo) all match. Hyphenated words are phrases
("ms_forverring"), because the hyphen splits them into two words.

Negated, hypothetical and past mentions are sorted out by `triage_text`, not here: a cue only
says what a phrase is about. A phrase whose meaning *is* a negation ("klarer ikke å gå",
"can't feel my toes", "svarer ikke") carries the negation word in its pattern.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    code: str  # a symptom code of symptoms.md, or "sign:..."/"mod:..."/"ctx:..." for triage_text
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
    "FACE": "ansikt|ansiktet|fjes|fjeset|face|lepp*|lip|lips|tunge|tunga|tungen|tongue|munn|munnen|mouth|kinn|kinnet|cheek"
    "|cheeks|øyelokk*|eyelid|eyelids|=øyne|=øynene|=eyes|øyet|=eye|kjeve*|=jaw",
    "THROAT": "hals|halsen|throat|svelg|svelget|strupe*|luftrør*|windpipe",
    "SWELL": "hoven|hovent|hovne|hovner|hovnet|hovna|hevelse|hevelser|hevelsen|oppsvulmet|svulmer|svulmet|svullen"
    "|opphovnet|tykk|tykke|tykkere|swollen|swelling|swell|swells|swelled|puffy|puffed|thick|thicker|bigger|enlarged",
    "WEAK": "svak|svake|svakt|svakere|svakhet*|kraftløs*|kraftesløs*|slapp|floppy|limp|weak|weaker|weakness|feeble|tung"
    "|tunge|tungt"
    "|tyngre|heavy|heavier|lam|lamme|lammet|useless|dead|død|døde",
    "PAIN": "vondt|vond|vonde|smerte|smerter|smertene|smerten|verk|verker|verke|verket|ømt|ømme|sår|sårt|såre|pain|pains"
    "|painful|hurt|hurts|hurting|ache|aches|aching|achy|sore|tender|throbbing|dunker|murrer|stikker|sting|stings",
    "INJ": "sprøyt*|injeksjon*|injection|injections|injected|injecting|injiser*|dose|dosen|dosene|dosa|=shot|=jab|tysabri"
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

SYMPTOM_CUES: tuple[Cue, ...] = (
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
    _C("breathing_difficulty", "tett|tetthet|trang|snører|snevrer|lukker|lukket|closing|closes|tight|tightness|narrow*"
       "|tighten* + @THROAT", unless="nese*|nose|forkjøl*|snue|mandl*|tonsil*"),
    _C("breathing_difficulty", "piper|piping + bryst*"),
    _C("breathing_difficulty", "puster|puste|pusten|breathing|breathes|breath + rart|strange|weird|odd|funny|unormalt"
       "|abnormal*|rallende|rattling|noisy|gurgl*|surkler|snapper|gisper|gasping|gasps"),
    _C("breathing_difficulty", "blå|blåe|blåaktig|blue|bluish|grey|grå + lepp*|lips|munn*|mouth|ansikt*|face",
       unless="blåmerke*|bruise*|@SITE|stikk*"),  # blue lips: not enough air
    _C("face_throat_swelling", "@SWELL + @FACE|@THROAT", unless="kjertl*|kjertel*|lymf*|gland*|mandl*|tonsil*|node*"
       "|knute*|blåmerke*|bruise*"),
    _C("face_throat_swelling", "angioødem*|angioedema"),
    _C("chest_pain", "bryst*|chest|hjerte* + @PAIN|trykk*|press*|pressure|tight*|tetthet|klem*|squeez*|heavy|tungt"
       "|ubehag|discomfort|burning|brenn*", unless="=brystene|=bryster|brystvorte*|breasts|nipple*|amm*|halsbrann"
       "|heartburn|reflux|oppstøt*|brystkreft*"),
    _C("chest_pain", "brystsmert*|hjerteinfarkt|infarkt|heart_attack|angina"),
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
    _C("hard_to_wake", "@CAN @NOT vekke|vekket|wake|rouse|få_liv|få_kontakt|get_him_up|get_her_up"),
    _C("hard_to_wake", "@NOT @CAN vekke|vekket|wake|rouse|vekt"),
    _C("hard_to_wake", "svarer|reagerer|responderer|responding|respond|responds|reacting|reagerte|svarte @NOT",
       unless="telefon*|phone*|melding*|message*|mail*|epost|sms|klinikk*|clinic*|sykepleier*|nurse*|legen"
       "|doctor|apotek*|pharmacy|=app|appen|spørsmål*|question*|anrop|call*|calls|texts|lege*|behandling*|treatment"
       "|medisin*|medication*"),
    _C("hard_to_wake", "unresponsive|uresponsiv*|semibevisst|semi_conscious"),
    _C("hard_to_wake", "vil|will @NOT våkne|wake|wake_up", unless="jeg|=i"),
    _C("hard_to_wake", "helt|very|veldig|svært|extremely|completely + sløv|sløve|floppy|lethargic|limp|slapp_og_uklar"),
    _C("hard_to_wake", "svært|veldig|ekstremt|very|extremely|unormalt|unusually|abnormally + døsig|drowsy|søvnig|sleepy"
       "|groggy|omtåket"),
    _C("hard_to_wake", "sover|sleeping|sleeps + hele|all + tiden|dagen|day", unless="natt*|night"),
    _C("hard_to_wake", "@CAN @NOT holde|stay|keep + våken|awake|øynene_oppe|eyes_open"),
)

SYMPTOM_CUES += (
    # --- urgent, neurological: possible relapse or PML; relatives often notice first (facts E2, E3, A1)
    _C("limb_weakness", "@WEAK + @LIMB", unless="tungen|tunga|tongue|@SWELL|kramp*|cramp*"),
    _C("limb_weakness", "kraft|kraften|styrke|styrken|strength|power + @LIMB + @NOT|mindre|lite|mistet|svekket|less"
       "|lost|losing|reduced|weaker|mangler"),
    _C("limb_weakness", "@CAN @NOT løfte|lift|raise|bevege|move|holde|hold|bruke|use + @LIMB|kopp*|cup"),
    _C("limb_weakness", "@LEG svikter|sviktet|svikta|buckle|buckled|buckling|gives_way|gave_way|giving_way|gir_etter"),
    _C("limb_weakness", "dropfot|droppfot|foot_drop"),
    _C("limb_weakness", "drags|dragging|drar|slepe*|sleper|slenger|catches|catching|flopper + @LEG"),
    _C("one_sided_weakness", "@SIDE side|sida|siden|kroppshalvdel*|sides + @WEAK|svakhet|kraft*|strength|paralys*"),
    _C("one_sided_weakness", "halvsidig*|hemipares*|hemiparesis"),
    _C("clumsiness", "klossete|klossethet|klønete|klumsete|clumsy|clumsiness|uncoordinated|ukoordinert|koordinasjon*"
       "|coordination|finmotorikk*|finmotorisk|tremor*|skjelving|ataksi|ataxia|fine_motor"),
    _C("clumsiness", "mister|mistet|miste|misted|drop|drops|dropping|dropped|lose|losing|slipper|grep|grepet|grip|griper"
       " + ting|things|grep*|grip*|taket|kopp*|glass|glasset|cup|cups|items|objects|stuff|gaffel*|fork|bestikk*"
       "|cutlery|om", unless="sprøyt*|syringe*|=pen|penn*|nål*|needle*|kork*|=cap|=lokk|dose*|injection*|vekt"
       "|weight|matlyst|appetitt|appetite|hair|stemme*|voice|tråden|thread|track|telling|oversikt*"),
    _C("clumsiness", "skjelv*|skalv|rister|ristet|shaking|shaky|shake|shakes|trembl* + @ARM",
       unless="kulde|kald*|cold|frysn*|fryser|feber*|fever|chill*"),
    _C("clumsiness", "knapp*|kneppe|knepper|buttons|button|skrive|skriver|writing|write|handskrift*|håndskrift*"
       "|handwriting|signatur*|signature + vanskelig*|dårlig*|@NOT|ulesel*|messy|worse|hard|trouble|struggl*"
       "|verre|skjelven*|shaky"),
    _C("clumsiness", "søler|sølte|spill|spilling|spilt|knocking|velter|veltet|bommer|bommet + ting|things|kaffe*|coffee"
       "|drinks|drink|glass|kopp*|cup|over|alt|everything|vann|water|mat|food"),
    _C("clumsiness", "rykk*|rykninger|twitch*|spasm*|spasme* + @LIMB|ansikt*|face|øyelokk*|eyelid*"),
    _C("clumsiness", "miss|missing|misses|missed|bommer|bommet|treffer_ikke|traff_ikke + mouth|munn*|target|koppen|cup"
       "|glass|knapp*|button*|tast*|keys|skje*|spoon|gaffel*|fork|nesa|nose"),
    _C("balance_walking", "balanse*|balance|balansen|ustø*|ustødig*|unsteady|wobbly|wobbl*|vakler|vaklet|vaklende"
       "|sjangl*|stagger*|slingr*|vingler|vinglete|vinglet|off_balance|ganglag*|gangfunksjon*|gangevne*|gait|limp"
       "|limping|limps|halter|haltet|haltende", unless="=work|life|diet|kost*|arbeid*|jobb*|bank*|konto*|account"),
    _C("balance_walking", "snubl*|stumbl*|tripping|tripped|trips|snåvet|snåva|faller|falt|datt|ramlet|ramla|falling|fell"
       "|falls|fallen|fall_over|fall_down", unless="sovne*|sovnet|asleep|sleep|søvn*|sprøyt*|syringe*|dato*|date*"
       "|feber*|fever|temp*|tempen|=ut|apart|hair|pris*|price*|rain|regn*|snø*|snow|=off|dosen|dose|besvim*"
       "|faint*|passed|love|kjærlighet|tanker|mind|sykkel*|bike|bicycle|ski|skiing|skøyt*|skating|isen|ice|icy|glatt*"
       "|slippery|hest*|horse|trampoline|fotball*|football|stige*|ladder"),
    _C("balance_walking", "@CAN @NOT gå|walk|stå|stand|gå_rett|walk_straight|gå_langt|walk_far"),
    _C("balance_walking", "bumping|bump|bumped|banging|walking_into|walked_into|går_inn_i|gikk_inn_i|dulter|dultet"
       "|krasjer|kræsjer|støter + door*|dør*|dørkarm*|karm*|things|ting|walls|wall|vegg*|furniture|møbler|people|folk"
       "|frames", unless="@ADMIN|=bil|car"),
    _C("balance_walking", "feel|feeling|føler|føles|walk|walking|går + drunk|full|beruset|tipsy", unless="alcohol|alkohol"
       "|øl|beer|wine|vin|drinks|party|fest"),
    _C("balance_walking", "vanskelig*|tungt|tyngre|problem*|vansker|strever|sliter|struggl*|hard|harder|difficult*"
       "|trouble + å|to|med|with gå|walk|walking|stå|stand|standing|gange|gåing|trappen|trapper|trappa|stairs"),
    _C("balance_walking", "går|walk|walking|gå|gangen|gange|walks + dårlig*|tungt|ustø*|kortere|shorter|slower"
       "|saktere|worse|verre|som_en_full|like_a_drunk|drunk|funny|weird|rart|skjevt|crooked", unless="=i|=dag|gikk"),
    _C("balance_walking", "krykk*|stokk*|rullator*|crutch*|cane|walking_stick|walker|rullestol*|wheelchair + trenger"
       "|need|needed|måtte|had|begynt|started|=nå|now|bruke|use|using"),
    _C("vision_change", "syn|synet|synsfelt*|synsforstyrr*|synsproblem*|synssvikt|synsevne*|sight|vision|eyesight"
       " + uklar*|uklart|tåkete|tåket|tåka|tåkelagt|blurry|blurred|blur|blurring|fog*|hazy|dårlig*|svekket|redusert|nedsatt|worse"
       "|weaker|reduced|borte|forsvunnet|missing|gone|mangler|svart|black|mørk*|dark*|flekk*|spot|spots|patch*"
       "|skygge*|shadow*|gardin*|curtain|grå|grått|gråe|gråaktig|grey|gray|flimr*|flicker*|flash*|hull|hole|halv*|half|blind*|changed"
       "|endret|forandret|dim|dimmer|rar|rart|weird|strange|problem*|forstyrr*|=off|fuzzy|cloudy|verre|darker"
       "|wavy|bølg*|vanskelig*|lost|loss|mistet|tap|tapt|svikter|failing|disturbance*|disturbed|affected"),
    _C("vision_change", "ser|see|seeing|sees|saw + uklart|dårlig*|tåkete|tåket|tåka|tåkelagt|blurry|blurred|fuzzy|hazy|grått|grey"
       "|gray|svart|mørkt|skygge*|flekk*|spots|worse|flimmer|flimring", unless="=ut|=out|like|looks|seems|fram|frem"),
    _C("vision_change", "ser|see|seeing|sees @NOT|hardly|knapt klart|ordentlig|properly|clearly|skikkelig|godt|well"
       "|skarpt|sharp|anything|ting|things|out_of|ut_av"),
    _C("vision_change", "øye|øyet|øynene|=øyne|eye|eyes + uklar*|tåkete|tåket|tåka|tåkelagt|blurry|blurred|flimr*|flicker*|mørk*"
       "|dark|svart*|black|skygge*|shadow|=blind|blindt|cloudy|grumsete|grå|grått|gråe|gråaktig|grey|flekk*|spot|spots|curtain|gardin*",
       unless="blemme*|blister*|rødt|rød|red|klør|klø*|itch*|renner|watery|puss|pus|=sår|gunky|sticky|@SWELL"
       "|circles|ringer|poser|bags|gul|gule|yellow"),
    _C("vision_change", "flimr*|flimmer|flicker*|flashing|zigzag|sikksakk*|blinkende + syn*|øye*|eye*|foran|vision|sight"),
    _C("vision_change", "frosted|frostet|matt|dugget|duggete|fogged|misty|steamed|tåkete|grumsete + glass|glas*|vindu*"
       "|window|ruten|film|veil|slør"),
    _C("vision_change", "looking|ser|seeing|see|like gjennom|through + glass|tåkete|tåket|tåka|tåkelagt|fog|mist|veil"
       "|slør|film|water|vann"
       "|frosted|skitten|dirty|smeared"),
    _C("vision_change", "syn|synet|øyet|øynene + tåke", lang="nb"),  # "tåke" folds to English "take"
    _C("vision_change", "tåkesyn|tåkesynet|synsfeltutfall|blindflekk*|blind_spot|scotom*|synstap|synsnervebetennelse"
       "|optikusnevritt|opticusnevritt|optic_neuritis|synsforstyrrelse*|=blind"),
    _C("vision_change", "@PAIN + bevege*|beveger|move|moving|moves + øye*|eye*|=øyne|=øynene"),
    _C("vision_change", "colours|colors|colour|color|farger|fargene|fargesyn* + washed_out|faded|fade|dull|duller|bleke"
       "|blekere|matte|grå|grey|gray|different|annerledes|weird|rare|wrong|feil|pale|paler"),
    _C("vision_change", "half|halve|halvparten|part|del|deler|side + see|ser|vision|sight|synet|synsfeltet|view"
       " + missing|mangler|borte|gone|black|svart|dark|mørk*|blank|blind|blacked", scope="sentence"),
    _C("vision_change", "@CAN @NOT lese|read|reading|se|see", unless="=om|about|brosjyre*|leaflet*|=app|appen"
       "|=web|nettside*|skjerm*|screen|melding*|message*|your|din"),
    _C("vision_change", "vanskelig*|struggling|struggle|trouble|hard|problem*|vansker|sliter|strever + å|to|med|with"
       " lese|read|reading|leser|=se|see|seeing", unless="=om|about|brosjyre*|leaflet*|=app|appen|nettside*|handwriting"
       "|håndskrift*|instructions|bruksanvisning*"),
    _C("vision_change", "uklar*|uklart|blurry|blurred|tåkete|fuzzy|utydelig* + leser|lese|reading|read|leses|tekst*"
       "|text|avisa|newspaper|bok|book|skjerm*|screen"),
    _C("vision_change", "bokstav*|letters|ordene|words + hopper|danser|dance|jump|jumping|move|moving|swim|swimming"
       "|uklar*|blurry|flyter|floating"),
    _C("double_vision", "dobbeltsyn|dobbeltsynet|dobbelsyn|diplopi*|diplopia|double_vision|dobbelt_syn"),
    _C("double_vision", "ser|se|sett|seeing|see|sees|saw|seen|seing dobbelt|double|doble|dobbel"),
    _C("double_vision", "alt|everything|things|ting|bildet|image|images|bilder|tv|faces|ansikter + dobbelt|double"
       "|doble|twice"),
    _C("double_vision", "two|=to of|av everything|alt|alle|allting"),
    _C("double_vision", "see|seeing|saw|sees|ser|så two|=to + instead|stedet|screens|skjermer|images|bilder"
       "|versions|copies|kopier|overlapping|oppå|hverandre|side_by_side|ghost*|skygge*|streker|lines|linjer",
       unless="uker|weeks|dager|days|timer|hours|år|years|ganger|times|doser|doses|sprøyter|syringes|leger|doctors"),
    _C("double_vision", "spøkelsesbilde*|ghost_image|ghosting"),
    _C("double_vision", "see|seeing|saw|sees|ser|seing two|=to of|av", unless="doctor*|lege*|specialist*|nurse*"
       "|sykepleier*|friends|venn*|kids|barn*|options|ways|måter|films|filmer|movies"),
    _C("speech_problems", "slurr*|snøvl*|sluddr*|lalle*|lallende|afasi|aphasia|dysartri*|dysarthria|stotrer"
       "|stutter*|garbled|utydelig_tale|uklar_tale|talevansker|taleproblem*|snakkeproblem*|mumbl*"),
    _C("speech_problems", "snakk*|snakker|snakket|prater|prate|pratet|tale|talen|speech|speaking|speak|talk|talking"
       "|uttale + utydelig*|uklar*|uklart|slurr*|garbled|jumbled|muddled|vanskelig*|wrong|feil|mixed|rar|rart|strange"
       "|weird|odd|changed|endret|annerledes|different|rotete|nonsense|tull|sludder|trouble|problem*|difficult*"
       "|hard|struggl*|vansker|sakte|slowly|slow|drunk|full|beruset|tipsy|sløret|blurred|=off|not_right",
       unless="about|=om|legen|doctor|nurse|sykepleier*|lege|klinikk*"
       "|clinic|telefon*|phone|hes|hoarse|engelsk|english|norsk|norwegian|språk|language"),
    _C("speech_problems", "@CAN @NOT snakke|speak|talk|prate|si|say|get|få|find|finne|uttale + ord|ordene|ordet|words"
       "|word|riktig|right|=out|frem|fram|sentence*|setning*"),
    _C("speech_problems", "@CAN @NOT snakke|speak|talk|prate", unless="about|=om|=to|=med|with|nurse|doctor|legen"
       "|sykepleier*|klinikk*|clinic|engelsk|english|norsk|lenge|long"),
    _C("speech_problems", "finner|finne|find|finding|found|get|få @NOT|hard|trouble|problem*|vansk*|struggl* ord|ordene"
       "|ordet|words|word"),
    _C("speech_problems", "vanskelig*|trouble|problem*|hard|struggl*|vansker|sliter|strever + finne|finding|find"
       "|få_frem|get_out|uttale + ord|ordene|words|word"),
    _C("speech_problems", "ord|ordene|ordet|words|word + kommer|come|comes|came|coming|blir + feil|wrong|rotete|jumbled"
       "|blandet|mixed"),
    _C("speech_problems", "words|ord|ordene|speech|tale|talen|snakker|snakk|talking|speaking + jumbled|garbled|muddled"
       "|mixed_up|rotete|sammenblandet|uforståelig*|incomprehensible|unintelligible|gibberish|nonsens|vrøvl*"
       "|uklart|utydelig*|slurred|slurry"),
    _C("speech_problems", "sier|say|said|says|saying|bruker|use|using + feil_ord|wrong_word|wrong_words|feil_ordene"),
    _C("speech_problems", "blander|mix|mixing|mixes|bytter|swap* + ord|ordene|words|word"),
    _C("speech_problems", "ord|ordene|words|setninger|sentences|tekst*|text|teksten|page + @NOT gir|make|makes"
       " mening|sense"),
    _C("speech_problems", "@NOT forstå|forstår|understand|understanding + hva|what|ord*|words + leser|read|sier|say"
       "|says|said|sagt|snakker|folk|people"),
    _C("confusion", "forvirr*|confus*|desorient*|disorient*|muddled|omtåket|ørsken|forvirring|delirium|delirisk",
       unless="@ADMIN|dato*|date*|dates|schedule*|timing|instructions|bruksanvisning*|skjema*|form|system*|kalender*"
       "|calendar|=about|=om|=over|=by|regning*|bill|faktura*|brev*|letter"),
    _C("confusion", "uklar|uklart|tåkete|tåket|rotete|foggy|fuzzy|cloudy|mushy|fog + hode*|head|brain"),
    _C("confusion", "put|putting|puttet|putter|satte|setter|la|legger|lagt|left + melk*|milk|nøkl*|keys|telefon*|phone"
       "|mobil*|sko|shoes|wallet|lommebok*|skoene|brødet|bread|smør*|butter|sokk*|sock* + ovn*|oven|kjøleskap*|fridge"
       "|fryser*|freezer|microwave|mikro*|oppvask*|dishwasher|vaskemaskin*|washing_machine|søppel*|bin|trash|=do"
       "|toilet|toalett*", scope="sentence"),
    _C("confusion", "gikk|går|got|get|getting|gets meg|seg|him|her|lost|bort|vill|vilse", unless="=i|=dag"),
    _C("confusion", "fant|finner|find|found|could|can @NOT|frem|fram veien|way|the_way hjem|home|back"),
    _C("confusion", "@NOT vet|visste|know|knew|knows|recognise*|recognize*|kjenner|kjente|kjente_igjen + hvor|where"
       "|hvem|who|what_day|hvilken_dag|me|meg|us|oss|his|her|own|familie*|family|barna|kids|children|kona|wife"
       "|husband|mannen", unless="@ADMIN|om|=if|whether|how|hvordan|hvorfor|why|when|når|hva|what"),
    _C("confusion", "snakker|talking|talks|sier|says|saying|said + tull|nonsense|gibberish|rare_ting|strange_things"
       "|weird_things|vrøvl*|sludder|usammenhengende|incoherent*|rabl*"),
    _C("confusion", "usammenhengende|incoherent*|vrøvler|babbling|rabler"),
    _C("memory_thinking", "hukommelse*|minne|minnet|korttidsminne*|memory|konsentr*|concentrat*|fokus*|focus*"
       "|oppmerksom*|attention + dårlig*|worse|poor|bad|verre|svikter|failing|problem*|trouble|issues|vansker|nedsatt"
       "|redusert|gone|borte|weird|rar*|slipping|terrible|awful|hopeless|elendig|sieve|sil|@NOT|lost|mistet|going"
       "|endret|changed|struggl*|sliter|harder|vanskelig*|svekket|shot|shocking|forferdelig|lapses|glipp|hull|gaps",
       unless="kort*|card|stick|minnepinne*|foam|skum*|@ADMIN"),
    _C("memory_thinking", "gjentar|gjenta|repeating|repeat|repeats + meg_selv|seg_selv|myself|himself|herself|the_same"
       "|det_samme|samme_spørsmål|same_question*|questions|spørsmål"),
    _C("memory_thinking", "glemsk*|glemskhet|forgetful*|hjernetåke|brain_fog|hjernetåka|kognitiv*|cognitive|cognition"
       "|demens*|dementia"),
    _C("memory_thinking", "glemmer|glemte|glemt|glem|forget|forgets|forgot|forgotten|forgetting + ting|things|avtale*"
       "|appointment*|names|navn*|navnet|bursdag*|birthday*|hva|what|where|hvor|ord|words|samtale*|conversation*"
       "|everything|alt|lett|mye|a_lot|lots|stuff|meetings|møte*|tiden|time|stadig|constantly|keep|keeps|often|ofte"
       "|hvem|who|why|hvorfor|plans|planer|midt|middle|barna|kids|children|avtaler|henne|him|her|them|dem",
       unless="@ADMIN|passord*|password*|=pin|kode*|login"),
    _C("memory_thinking", "husker|huske|husket|remember|remembering|remembers|recall @NOT|dårlig*|poorly|trouble"
       "|hard|vanskelig*|problem*|lite|little|less|mindre|hardly|knapt", unless="@ADMIN|passord*|password*|=om|=if"
       "|whether|tok|took|satte|logget"),
    _C("memory_thinking", "@CAN @NOT husk*|huske|remember|recall|recollect", unless="@ADMIN|passord*|password*|=om|=if"
       "|whether|tok|took|satte|logget|logged"),
    _C("memory_thinking", "tenke|tenker|thinking|think|tankene|thoughts|tankegang* + klart|clearly|straight|treg*|slow*"
       "|sakte|vanskelig*|problem*|trouble|hard|harder|muddled|messy|rotete|tåkete|tåket|tåka|tåkelagt|fog*|fuzzy",
       unless="about|=om|på|@ADMIN|hopefully|forhåpentlig*|=if|hvis"),
    _C("memory_thinking", "mister|mistet|miste|lose|losing|lost + tråden|thread|track|train_of_thought|oversikt*"
       "|concentration|konsentrasjon*|fokus*|focus"),
    _C("memory_thinking", "følge_med|follow|keep_up + samtale*|conversation*|film*|tv|bok|book|story|handlingen",
       unless="@ADMIN"),
    _C("memory_thinking", "@CAN @NOT regne|count|do_sums|konsentrere*|concentrate|fokusere|focus|tenke|think|følge"
       "|follow|planlegge|plan|organisere|organise|organize|multitask*", unless="@ADMIN|about|=om|på"),
    _C("personality_change", "personlighet*|personality|oppførsel*|oppfører|behav*|acting|act|acts|humør*|mood|moods"
       "|temperament|væremåte*|character|karakter + endret|forandret|annerledes|changed|change|different|rar*|rart"
       "|merkelig*|strange|odd|oddly|weird|weirdly|unlike|swings|svingninger|svinger|uvanlig*|unusual*|out_of"
       "|strangely|bizarre|bisarr*|aggressiv*|aggressive", unless="medisin*|medication|=app|dose*"),
    _C("personality_change", "annen_person|different_person|another_person|changed_person|not_the_same_person"
       "|ikke_den_samme|ikke_samme_person|forandret_meg|forandret_seg|endret_meg|endret_seg|changed_a_lot"
       "|have_changed|has_changed|is_different|virker_annerledes|seems_different", unless="@ADMIN|dose*|date*|dato*"
       "|time|tid|plan*|adress*|address|number|nummer"),
    _C("personality_change", "humørsvingning*|mood_swings|personlighetsendring*|personality_change*|short_tempered"
       "|kort_lunte|short_fuse|snappy|snappish|=hissig|aggressiv|aggressive|uncharacteristic*|out_of_character"
       "|ulikt_seg|ulikt_ham|ulikt_henne|not_like_him|not_like_her|ikke_likt_ham|ikke_likt_henne|ikke_lik_seg",
       unless="@ADMIN|apotek*|pharmacy"),
    _C("personality_change", "ikke|not seg|meg|himself|herself|myself|themselves|helt_seg|helt_meg|the_same|den_samme"
       "|samme_person", unless="@ADMIN"),
    _C("personality_change", "blitt|become|became|becoming|getting|blir|lett|easily|mye|mer|more|very|veldig|så|so"
       "|unusually|uvanlig|really|lately|nowadays + sint|sinna|irritabel*|irritert|irritable|angry|aggressiv*"
       "|aggressive|impatient"
       "|utålmodig*|apatisk|apathetic|likegyldig*|snappy|snappish|short_tempered|kort_lunte|short_fuse|hissig|tverr"
       "|impulsiv*|impulsive|disinhibited|hemningsløs*|paranoid|mistenksom*|uninterested|distant|fjern",
       unless="@ADMIN|apotek*|pharmacy|ventetid|wait*|=kø|queue"),
    _C("personality_change", "interest|interesse @NOT|mistet|lost|losing", unless="@ADMIN"),
    _C("numbness_tingling", "nummen|numment|nummet|numne|nummenhet*|nummenheten|nummende|numb|numbness|numbed"
       "|numbing|tingl*|tingling|tingly|pins_and_needles|maurkrib*|kribl*|krible*|summing|buzzing|vibrating"
       "|vibrer*|fizz*|dovhet|dovne|dovent|dovenhet|lhermitte*|paresthes*|paraesthes*|parestesi*|dysestesi*"
       "|nedsatt_følelse|nedsatt_følsomhet|redusert_følelse|følelsesløs*|følelsesløshet"),
    _C("numbness_tingling", "prikk*|prikking|prikkende|prikker|prikket|stikninger|stikking|stikkende", unless="rød"
       "|røde|rødt|red|utslett*|rash*|spots|flekk*|blod*|blå*|purple|lilla|petekki*|prikkfri|=dot|dots|sprøyt*|nål*"
       "|needle|injection*|@SITE"),
    _C("numbness_tingling", "maur|asleep|sovner|sovnet|sover|dead|død|døde|dov|elektrisk*|electric*|støt|shocks|zaps"
       "|strøm|strømstøt*|strømninger|jolt|jolts"
       "|brennende|burning|brenner|isnende|iskald* + @LIMB|@BODY|spine|ryggrad*", unless="tiss*|urin*|@URINE"
       "|mage*|stomach|bryst*|chest|halsbrann|heartburn|injection*|sprøyt*|stikk*|@SITE|=sol|sun|sunburn|solbrent"
       "|hals|halsen|throat|øye*|eye*"),
    _C("numbness_tingling", "@NOT|lost|mistet|mister|reduced|less|mindre|redusert|nedsatt|rar|rart|weird|strange|odd"
       "|funny|merkelig* følelse*|feeling|sensation|følelsen + @LIMB|@BODY", unless="@ADMIN"),
    _C("numbness_tingling", "@CAN @NOT kjenne|kjenner|føle|føler|feel|feeling + @LIMB|@BODY|varme|heat|kulde|cold"
       "|temperatur*|temperature"),
    _C("numbness_tingling", "kjenner|føler|feel|felt ingenting|nothing + @LIMB|@BODY"),
    _C("numbness_tingling", "kjenner|føler|merker|feel|felt ikke|not|ingenting|nothing + @LIMB|@BODY + varme|heat|kulde"
       "|cold|temperatur*|temperature|berøring|touch|noe|anything"),
    _C("bladder_bowel_control", "inkontinen*|incontinen*|urinlekkasje*|blærekontroll*|bladder_control"
       "|bowel_control|tarmkontroll*|tissetrang*|urgency|urinretensjon"),
    _C("bladder_bowel_control", "lost|losing|lose|mistet|mister|miste|no|poor|dårlig|dårligere|ingen|=less|mindre"
       " + control|kontroll|kontrollen + bladder|blære*|bowel*|bowels|tarm*|urin*|avføring*|tiss*|=wee|pee"),
    _C("bladder_bowel_control", "lekk*|leak*|leaking|leaks|lekker|drypper|dribbl* + @URINE|blære*|bladder|bowel*"
       "|avføring*|bukse*|pants|underbukse*|trusa|truse*|knickers"),
    _C("bladder_bowel_control", "tisset|tisser|tissa|bæsjet|bæsjer|peed|pissed|wet|wetting|soiled|bæsja på_meg|på_seg"
       "|myself|himself|herself|the_bed|sengen|senga|i_buksa|i_buksene"),
    _C("bladder_bowel_control", "rakk|rekker|make|made @NOT|ikke|nesten toalett*|toilet|bathroom|=do|doen|=wc|loo"),
    _C("bladder_bowel_control", "@CAN @NOT get|make|reach|rekke|rakk|komme to|til|på toalett*|toilet|bathroom|=do|doen"
       "|=wc|loo"),
    _C("bladder_bowel_control", "in_time|i_tide|fort_nok|quickly_enough + toalett*|toilet|bathroom|=do|doen|loo"),
    _C("bladder_bowel_control", "uhell|accident|accidents + toalett*|toilet|bathroom|bukse*|pants|bowel*|bæsj*"
       "|blære*|bladder|@URINE|sengen|bed|=do|doen|loo", scope="sentence", unless="bil*|car|traffic|trafikk*|sykkel*"
       "|bike|work|jobb*|kitchen|kjøkken*"),
    _C("bladder_bowel_control", "@CAN @NOT|vanskelig*|problem*|trouble|hard holde|hold|tømme|empty|emptying|starte|start"
       " + @URINE|vannet|blære*|bladder|bowels|avføring*|bæsj*"),
    _C("bladder_bowel_control", "@CAN @NOT tisse|pee|urinate|wee|tømt_blæren|empty_my_bladder"),
    _C("bladder_bowel_control", "tisser|tisse|pee|peeing|wee|weeing|urinate + oftere|more_often|much_more|mye_oftere"
       "|constantly|hele_tiden|all_the_time|every_hour|hver_time|natta|natten|night"),
    _C("bladder_bowel_control", "løpe|springe|rush|run|running|løper + på_do|til_do|på_toalettet|to_the_toilet"
       "|to_the_loo|to_the_bathroom", unless="diaré*|diarr*|diare|løs|loose|mage*|stomach|bowels"),
    _C("bladder_bowel_control", "merker|kjenner|feel|notice|noticing|know @NOT når|when|at|that må|need|have_to|tisse"
       "|=do|toilet|pee|go|bæsj*"),
    _C("bladder_bowel_control", "må|have|need|needing|keep tisse|pee|wee|toilet|=do + hele_tiden|all_the_time"
       "|constantly|stadig|veldig_ofte|so_often|every_hour|hver_time|plutselig|suddenly|urgent*|fort|rush"),
    _C("swallowing_new", "svelg*|swallow*|svelge|svelger|swallowing + vanskelig*|problem*|trouble|difficult*|hard"
       "|@NOT|stuck|fast|choke*|choking|feil|wrong|vansker|sette_seg|satt_seg|sliter|struggl*|hoster|cough*",
       unless="@PAIN|vondt|sår|sårt|hurts|painful|sore|smerte*|sprøyt*|tyggegummi|gum|@SWELL|@FACE"),
    _C("swallowing_new", "setter|satt|sette|stuck|sitter|gets|get|sette_seg|setter_seg|satt_seg fast|stuck|halsen"
       "|throat|hals", unless="@PAIN|@SWELL|tablett*|pills|piller"),
    _C("swallowing_new", "choke|choking|choked on|på mat*|food|drikke*|drink*|vann*|water", unless="latter*|laugh*"),
    _C("swallowing_new", "kvelt|kvelte|kvelst|kvelning*|satt_i_halsen|satte_i_halsen|choked|choking|chokes|sette"
       "|setter + mat*|food|drikke*|drink*|drinking|eating|spiser|spise|vann*|water|spytt*|saliva|kaffe*|coffee|te|tea",
       unless="latter*|laugh*|tablett*|pill|pills|piller"),
    _C("swallowing_new", "dysfagi|dysphagia|svelgvansker|svelgeproblem*|svelgproblem*|svelgebesvær*"),
    _C("ms_symptoms_worse", "attakk*|relaps*|relapse|relapsing|oppbluss*|blussa|blusser|flare|flareup|flare_up|flared"
       "|flaring|exacerbation*|ms_forverring|ms_attakk|ms_anfall|ms_oppbluss", unless="panikk*|panic|heart"
       "|hjerte*|angst*|anxiety|astma*|asthma|migren*|migraine|eksem*|eczema|psoriasis|acne|akne|gikt*|gout|hud*"
       "|skin"),
    _C("ms_symptoms_worse", "@LIMB|@BODY|gangen|balansen|synet|sight|vision|walking|balance|nummenheten|numbness"
       "|prikkingen|tingling + dårligere|verre|værre|worse|weaker|svakere|tyngre|heavier + enn|than vanlig|usual|normal"
       "|før|before|normalt|vanleg"),
    _C("ms_symptoms_worse", "@LEG|gangen|gange|balansen|balance|walking|gåing|synet|sight|vision|eyesight|memory"
       "|hukommelsen|talen|speech|grepet|grip|koordinasjonen|coordination + dårligere|verre|værre|worse|harder"
       "|vanskeligere|weaker|svakere|tyngre|heavier|ustøere", scope="sentence", unless="@ADMIN|than_before_the"),
    _C("ms_symptoms_worse", "=ms|msen|ms_en + opp_igjen|på_vei_opp|blusser|acting_up|active|aktiv|flaring|kicking_off"
       "|worse|verre|back|tilbake"),
    _C("ms_symptoms_worse", "=attack|attacks", unless="panic|heart|anxiety|asthma|migraine", lang="en"),
    _C("ms_symptoms_worse", "=ms|symptomene|symptomer|plagene|symptoms|gamle|old|kjente + verre|værre|worse"
       "|tilbake|back|returned|returning|come_back|kommet_tilbake|økt|increased|flere|more|stronger|sterkere"
       "|forverret|dårligere|oppbluss*|blusset|flare*|verst|worst", unless="@ADMIN"),
)

SYMPTOM_CUES += (
    # --- urgent, infection on natalizumab (facts B4, E6)
    _C("fever", "feber|feberen|febern|febril|febrilt|feberaktig|feberhet|feberfølelse|feberfølelsen|fever|feverish"
       "|fevers|=febrile|frostfeber", unless="hay|høysnue"),  # hay fever is no fever
    _C("fever", "have|has|had|got|running|har|hatt|fått|med|with a|en|høy|high|raised temp|temperature|temperatur",
       unless="kjøleskap*|fridge*|rom*|room|=ute|outside|vær*|weather|sprøyt*|syringe*|normal*|vanlig|under|lav|low"
       "|checked|sjekket|målte|measured|=tok|took|fine|=fin|=ok|=bra"),
    _C("fever", "høy|high|raised|forhøyet|elevated temp|tempen|temperature|temperatur|temperaturen",
       unless="kjøleskap*|fridge*|rom*|room|=ute|outside|vær*|weather|sprøyt*|syringe*"),
    _C("sign:chills", "frysninger|frysning|frostrier|frostanfall|chills|chill|shivering|shivers|shiver|shivery|rigors"
       "|hakker_tenner|teeth_chattering|kuldegysninger|kuldegys*|skjelvinger"),
    _C("sign:chills", "skjelv*|shaking|rister|fryser|freezing + kulde|cold|fryser|feber*|fever|hot_and|varm_og",
       unless="kjøleskap*|fridge|sprøyt*|syringe*|vær*|weather|=ute|outside|hus*|house|=rom|room"),
    _C("sign:voice", "voice|stemmen|stemme + funny|strange|weird|odd|hoarse|hes|rar|rart|endret|changed|different"
       "|muffled|thick|grøtete|tykk"),
    _C("sign:voice", "lump|klump|something + throat|halsen|hals"),
    _C("sign:lips_tingle", "lepp*|lips|lip|tunge|tunga|tungen|tongue|munn*|mouth|gane*|palate + tingl*|tingly|prikk*"
       "|nummen|numb|klør|itch*|itchy|burning|svir|brenner"),
    _C("sign:hair", "håravfall|hårtap|hårtapet|hair_loss|losing_hair|mister_hår|mister_håret|hair_falling_out"
       "|hair_is_falling_out|hair_coming_out|thinning_hair|hair_thinning"),
    _C("sign:sweats", "nattesvette|night_sweats|svetter|svettet|svett|svette|sweaty|sweating|sweats|clammy|kaldsvett*"),
    _C("serious_infection", "svært|veldig|kjempe|fryktelig|skikkelig|utrolig|very|really|seriously|extremely|terribly"
       " syk|sjuk|ill|sick|unwell|poorly|dårlig", unless="lei|tired|kvalm*|mage*|stomach|@ADMIN|reise*|travel*|car"
       "|bil*|=sea|sjø*|=of|=to"),
    _C("serious_infection", "kjempesyk|dødssyk|helt_utslått|knocked_out|wiped_out|elendig|sengeliggende|bedridden"
       "|feel_terrible|feel_awful|feel_dreadful|feeling_awful|feeling_terrible|feeling_dreadful"),
    _C("serious_infection", "lungebetennelse*|pneumoni*|pneumonia|sepsis|blodforgiftning*|bronkitt|bronchitis"
       "|chest_infection|brystinfeksjon*|lungeinfeksjon*|infeksjon|infeksjonen|infeksjoner|infection|infections|antibiotika*|antibiotics"
       "|antibiotic|penicillin*|amoksicillin*|amoxicillin|ab_kur|antibiotikakur*|=tbc|tuberkulose|tuberculosis"
       "|abscess|byll*", unless="urinvei*|=uvi|=uti|blære*|bladder|urinary|øre*|ear|ears|=hals|halsen|throat"
       "|sinus*|bihule*|tann*|tooth|teeth|øye*|eye|=sår|wound|sopp*|fungal|thrush|yeast|candida|@SITE|stikk*|lepp*"
       "|lip|munnsår*|zoster|helvetesild|shingles|forkjøl*|vaksin*|vaccin*|risk*|risiko|skjede*|vagina*"),
    _C("serious_infection", "puster|breathing|puste + fort|fast|rapid|raskt|rask"),
    _C("serious_infection", "hoster|hoste|hosting|coughing|cough + blod|blood|grønt|green|gult|yellow|brunt|brown"
       "|rust*|puss|pus"),
    _C("sign:uti", "@URINE|=do|toalett*|toilet + svie|svir|sviende|sved|brenner|brenning|brennende|burning|burns"
       "|stings|stinging|@PAIN|vondt", unless="@LEG|@ARM|stomach|mage*|lekk*|leak*"),
    _C("sign:uti", "urinveisinfeksjon*|urinveis*|=uvi|=uti|utis|blærebetennelse*|blærekatarr|cystitt|cystitis"
       "|bladder_infection|water_infection|urinary_tract_infection|urinary_infection"),
    _C("sign:flank", "vondt|smerte*|pain|ache|aching|hurts|verk* i|in side|siden|sida|flanken|flank|nyrene|nyre"
       "|kidney|kidneys|korsryggen|lower_back"),
    _C("sign:cold_feeling", "fryser|freezing|frøs|feel_cold|feeling_cold|kald_og_skjelven|shivery|shaky_and_cold"),
    _C("sign:flank", "nyresmerte*|flankesmerte*|kidney_pain|flank_pain|pyelonefritt|nyrebekkenbetennelse*"),
    _C("shingles", "helvetesild|shingles|herpes_zoster|=zoster|belterose"),
    _C("shingles", "blemme*|blemmer|blisters|blister|blistering|utslett|rash|vabler|vable* + belte|band|stripe|streak"
       "|stripe*|ene_siden|one_side|rundt_livet|round_my_waist|around_my_waist|around_my_middle|rundt_midjen|along"
       "|langs|ribbein*|ribs", scope="sentence", unless="@SITE|stikk*|lepp*|lip|munn*|mouth|@LEG"),
    _C("shingles", "smertefullt|smertefulle|painful|svir|burning|brennende + utslett|rash + blemme*|blisters",
       scope="sentence"),
    _C("eye_infection_signs", "blemme*|blisters|blister|herpes|forkjølelsessår*|cold_sore|cold_sores|feberblemme*|=sår"
       "|sårene|sores|utslett|rash|vabler + øye*|eye|eyes|=øyne|=øynene|øyelokk*|eyelid*|øyebryn*|eyebrow*",
       scope="sentence"),  # sores near the eye: herpes of the eye on natalizumab (facts E6)
    _C("eye_infection_signs", "@PAIN|painful|vondt + rød|rødt|red|blodsprengt|bloodshot|betent|inflamed + øye|øyet|eye"
       "|=øyne|=øynene|eyes"),
    _C("eye_infection_signs", "rødt|rød|red|bloodshot|blodsprengt + øye|øyet|eye|eyes|=øyne|=øynene + uklar*|tåkete"
       "|tåket|tåka|tåkelagt"
       "|blurry|dårlig*|worse|svekket|redusert|lys*|light", scope="sentence"),
    _C("eye_infection_signs", "regnbuehinnebetennelse|iritt|iritis|uveitt|uveitis|keratitt|keratitis|retinitt"
       "|retinitis"),
    _C("sign:diarrhoea", "diaré|diare|diarre|diarè|diaréen|diarrhoea|diarrhea|diarrea|diahrea|diarhea|løs_mage"
       "|løs_i_magen|tynn_avføring|løs_avføring|loose_stools|loose_stool|the_runs|omgangssyke|stomach_bug|magesjau"
       "|magesyke|magevirus|gastroenteritt|gastroenteritis|tarminfeksjon*|tynn_i_magen|vannaktig_avføring"
       "|watery_stools"),
    _C("sign:diarrhoea_severe", "kraftig|kraftige|voldsom*|severe|bad|heavy|massive|constant|nonstop|vannaktig|watery"
       "|blodig|bloody + diaré|diare|diarre|diarrhoea|diarrhea|stools"),
    _C("sign:diarrhoea_severe", "blod|blood|blodig|bloody + diaré*|diarr*|diare"),
)

SYMPTOM_CUES += (
    # --- urgent: liver (facts B5), bleeding (B6), allergic (B1), site, pregnancy (G2-G3), self-harm, medicines (W2)
    _C("jaundice_dark_urine", "gulsott|gulsotten|jaundice|jaundiced|ikterus|icterus"),
    _C("jaundice_dark_urine", "gul|gule|gulaktig*|gult|gulere|yellow|yellowish|yellowy + hud*|huden|skin|øye*|eyes|eye"
       "|=øyne|=øynene|øyehvit*|whites|sclera*|fjeset|ansikt*|face", unless="puss|pus|slim|mucus|snørr*|=snot"
       "|negl*|nails|tenner|teeth|hair|blåmerke*|bruise*|=sår|utslett*|rash|@SITE|stikk*|injection"),
    _C("jaundice_dark_urine", "@URINE + mørk*|dark|darker|brun*|brown|cola|coke|=te|tea|rust*|strong|sterk*|konsentr*"
       "|colour|color|farge|whisky|beer|øl", unless="prøve*|test*|sample*"),
    _C("jaundice_dark_urine", "lys|lyse|pale|grå|grey|gray|hvit|hvite|white|leirfarget*|clay* + avføring*|stools|stool"
       "|poo|bæsj*"),
    _C("sign:upper_abdo", "vondt|smerte*|pain|ache|aching|hurts|verk*|ubehag|discomfort|trykk|pressure + øverst|upper"
       "|top|under_ribbeina|under_ribbeinet|under_the_ribs|under_my_ribs|lever*|liver"),
    _C("sign:upper_abdo", "vondt|smerte*|pain|ache|aching|hurts|verk*|ubehag|discomfort|trykk|pressure + under"
       " ribbein*|ribs|rib|ribcage|ribbeina|ribbeinet"),
    _C("sign:upper_abdo", "leversmerte*|liver_pain|øvre_mage|upper_abdomen|upper_stomach|upper_belly"),
    _C("sign:nausea", "kvalm|kvalme|kvalmen|kvalmende|nausea|nauseous|nauseated|queasy|bilsyk*|sjøsyk*|uvel_i_magen"
       "|sick_to_my_stomach|urolig_mage"),
    _C("sign:nausea", "feel|feeling|felt|feels sick", unless="=of|lei|tired", lang="en"),
    _C("sign:vomit", "kaster_opp|kastet_opp|kasta_opp|spyr|spydde|spy|oppkast*|vomit*|throwing_up|threw_up|throw_up"
       "|brekninger|brekker_meg|brakk_meg|puking|puked|been_sick|was_sick|being_sick"),
    _C("sign:persistent", "can_not_keep|could_not_keep|klarer_ikke_å_beholde|får_ikke_beholdt|holder_ikke_på"),
    _C("sign:persistent", "hele_natta|hele_natten|all_night|hele_dagen|all_day|over_and_over|igjen_og_igjen"
       "|flere_ganger_i_timen|every_hour|hver_time"),
    _C("sign:persistent", "hele_tiden|all_the_time|constantly|stopper_ikke|will_not_stop|ikke_går_over"
       "|will_not_go_away|not_going_away|does_not_go_away|ikke_gi_seg|nonstop|non_stop|klarer_ikke_å_stoppe"
       "|can_not_stop|keep_anything_down|keep_down|holde_på_noe|holde_noe_nede|får_ikke_i_meg|nothing_stays"),
    _C("bruising_bleeding", "blåmerke*|blåmerker|blåmerkene|blå_merker|blå_flekker|bruise|bruises|bruising|bruised"
       "|petekki*|petechia*|purpura|småblødning*|blødningsprikker"),
    _C("bruising_bleeding", "røde|rød|red|purple|lilla|små|small|tiny + prikker|dots|spots|flekker|pinpoint*",
       unless="@SITE|stikk*|injection|kløe|klør|itch*|hives|elveblest*|utslett|kviser|pimples|acne|akne"),
    _C("bruising_bleeding", "blør|blø|bløde|blødde|blødd|blødning|blødninger|bleeding|bleed|bleeds|bled|neseblod*|nosebleed*"
       "|nose_bleed|nose_bleeds|blødende", unless="mens|menstru*|mensen|period*|mellomblød*|spotting|tampong*|=bind"
       "|trusebind|@SITE|stikk*|injection*|sprøyt*|injected|barber*|shaving|kuttet|cut|kutt"),
    _C("bruising_bleeding", "blod|blood + urin*|urine|pee|tiss*|spytt*|spit|spytter|oppkast*|vomit|hoster|cough*"
       "|tannkjøtt*|gums|avføring*|stool*|poo|bæsj*", unless="prøve*|test*|sample*|blodprøve*|work|results|svar*"),
    _C("bruising_bleeding", "vanskelig|hard|slutter|can|klarer + stoppe|stop|stopper|stopping + blø*|bleed*|blødning*"),
    _C("hives_widespread", "elveblest*|neslefeber|urtikaria|urticaria|hives|welts|kvaler|nettle_rash|quaddel*"),
    _C("hives_widespread", "utslett|rash|prikker|flekker|spots|blotches|blotchy|patches|kløe|klør|itch*|itching|itchy"
       "|raised + hele_kroppen|over_alt|overalt|all_over|everywhere|whole_body|store_deler|large_parts|spreading"
       "|sprer_seg|spredt|spread|armene_og_beina|arms_and_legs|mage_og_rygg|chest_and_back|hele_meg|both_arms"
       "|begge_armene|overalt_på_kroppen"),
    _C("sign:itch", "kløe|klør|klødde|kløende|klø|itch|itches|itching|itchy|itched|pruritus"),
    _C("sign:rash", "utslett|utslettet|rash|eksem|eczema|flekker|blotches|blotchy|red_patches|røde_flekker|kviser"
       "|pimples|bumps|dumper|acne|akne", unless="blekner|fade|fades|glass"),
    _C("sign:flushing", "rødme|rødmer|rødmet|flush|flushed|flushing|hetetokt*|hot_flush|hot_flushes|hot_flash"
       "|hot_flashes|red_face|rød_i_ansiktet|rødt_ansikt|varm_i_ansiktet|warm_face|hot_face|blussende"),
    _C("sign:unwell", "uvel|unwell|rar|rart|weird|feel_off|feeling_off|strange|odd|dårlig|poorly|ill|syk|sjuk|sick"
       "|not_right|ikke_bra|not_good|not_well|ikke_i_form|ikke_helt_bra", unless="lei|tired|@ADMIN|vær*|weather"
       "|nyhet*|news|=of"),
    _C("sign:skin_mild", "sår|sårt|ømt|ømme|=om|tender|sore|rød|rødt|røde|red|redness|rødme|blåmerke*|bruise*|kul|kulen"
       "|flekk|flekken|spot|blå|blått|blue|bluish|lilla|purple"
       "|kuler|klump*|lump|lumps|bump|bumps|knute*|knot|hard|hardt|hevelse|swelling|kløe|klør|itch*|itchy|sved|svir"
       "|svie|stung|stings|sting|stinging|burned|brant|stakk|prikk*|blødde|bled|bleeding|bleed|blør|blod|blood"
       "|vondt|hurt|hurts|@PAIN|utslett|rash|merke|mark|dump|hovent|hoven|swollen"),
    _C("sign:skin_severe", "stor|stort|store|large|big|huge|enorm*|varm*|hot|warm|hoven|hovent|hovne|swollen|@SWELL"
       "|verk*|verker|puss|pus|oozing|oozes|væsk*|væske|weeping|sprer_seg|spreading|spreads|growing|vokser"
       "|rød_stripe|red_streak|red_line|red_streaks|dunker|throbbing|betent|infected|infeksjon*|infection|abscess"
       "|byll*|redder|rødere|bigger|større|sprer|spredt|spread"),
    _C("pregnancy", "gravid|gravide|graviditet*|pregnan*|pregnant|svanger*|expecting_a_baby|venter_barn|venter_en_baby"
       "|venter_baby|positiv_graviditetstest|positive_pregnancy_test|graviditetstest*|pregnancy_test|barn_i_magen"),
    _C("pregnancy", "uker|uke|weeks|week|=mnd|måneder|months på_vei|along|pregnant"),
    _C("pregnancy", "=i|=am|we|are|she|wife|partner|girlfriend expecting", lang="en", unless="call|calls|delivery"
       "|parcel|package|order|answer|reply|results|result|message|letter|visit|visitors|guests|nurse|doctor|you|it|too"
       "|much|more|better|worse|prescription|syringes|dose|news"),
    _C("pregnancy", "test|testen|tested|testet + positiv|positive", unless="covid*|korona*|corona|strep|jcv|antistoff*"
       "|antibod*|rsv|influensa|flu|blod*|blood|urin*|urine|virus|hurtigtest*|lateral|pcr|=jc"),
    _C("pregnancy", "prøver|trying|planlegger|planning|plan|ønsker|want|wants|wanting|hoping|håper|vurderer"
       "|considering + bli_gravid|få_barn|conceive|get_pregnant|for_a_baby|baby|have_a_baby|få_et_barn"
       "|start_a_family|stifte_familie|ha_barn|pregnancy|graviditet|svangerskap*|barn|children|kids"),
    _C("pregnancy", "mens|mensen|menstruasjon*|period|periods + forsinket|sen|seint|sent|uteblitt|uteblir|late"
       "|missed|skipped|overdue"),
    _C("pregnancy", "@NOT|missed|skipped fått|had|come|kommet|got mens|mensen|menstruasjon*|period|my_period",
       unless="lenge|years|år|overgangsalder*|menopause|spiral|hormonspiral|p_piller|pill"),
    _C("self_harm_thoughts", "selvmord*|suicid*|suicidal|selvskad*|self_harm|selfharm|livet_av_meg|ta_livet"
       "|ta_mitt_eget_liv|tar_livet|ende_livet|avslutte_livet|kill_myself|killing_myself|end_my_life|ending_my_life"
       "|end_it_all|gjøre_slutt_på|hurt_myself|harm_myself|harming_myself|hurting_myself|skade_meg_selv|skade_meg"
       "|better_off_dead|bedre_død|ønsker_å_dø|want_to_die|wanna_die|vil_dø|lyst_til_å_dø|mørke_tanker"
       "|dark_thoughts|mistet_lysten_til_å_leve|lost_the_will_to_live|no_will_to_live|ingen_lyst_til_å_leve"
       "|ikke_verdt_å_leve|not_worth_living|ingen_vits_å_leve|no_point_living|no_point_in_living"),
    _C("self_harm_thoughts", "vil|want|orker|ønsker|wish @NOT leve|live|living|be_alive|være_her|be_here"),
    _C("self_harm_thoughts", "jeg|i vil|want|ønsker|wish @NOT våkne|wake"),
    _C("self_harm_thoughts", "thought|thinking|thoughts|tenkt|tenker|tanker|want|wanted|vil|planning|planlegger"
       " about|på|of|to ending_it|end_it|ending_it_all|end_everything|avslutte_alt|gjøre_slutt|ende_det|ta_livet"),
    _C("new_immunosuppressant", "kortison*|kortikosteroid*|cortison*|corticosteroid*|steroid|steroids|steroider"
       "|steroidkur*|prednisolon*|prednison*|prednisone|prednisolone|medrol|solu_medrol|solumedrol|metylprednisolon*"
       "|methylprednisolone|deksametason|dexamethasone|azatioprin*|azathioprine|imurel|imuran|metotreksat*"
       "|methotrexate|mykofenolat*|mycophenolate|cellcept|ciklosporin*|ciclosporin|cyclosporin*|takrolimus|tacrolimus"
       "|rituksimab|rituximab|mabthera|ocrelizumab|ocrevus|cyklofosfamid*|cyclophosphamide|cellegift*|chemotherapy"
       "|chemo|kjemoterapi|kjemo|cytostatika|immundempende|immunsuppr*|immunosuppress*|humira|adalimumab|infliximab"
       "|remicade|etanercept|enbrel|fingolimod|gilenya|mitoxantron*|kladribin*|cladribin*|mavenclad|ofatumumab"
       "|kesimpta|alemtuzumab|lemtrada|tofacitinib|xeljanz|baricitinib|olumiant|jak_hemmer",
       unless="krem*|cream*|salve*|ointment|spray*|nesespray*|inhal*|dråper|drops|gel|lotion|puff*|astmamedisin*"),
)

SYMPTOM_CUES += (
    # --- routine items (facts B3: often not caused by the drug, but the nurse sees them)
    _C("headache_mild", "hodepine*|hodepina|hodepinen|headache|headaches|migrene*|migraine*|hodesmerte*|hodeverk"
       "|verk_i_hodet|vondt_i_hodet|spenningshodepine"),
    _C("headache_mild", "hode|hodet|head + @PAIN|vondt|dunker|pounding|banker|throbbing|verker|sprenger|splitting"
       "|trykk|pressure", unless="@FACE|=lus|lice"),
    _C("sign:severe_headache", "kraftig|kraftige|sterk|sterke|severe|terrible|awful|verste|worst|intense|intens"
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
       "|sniffling|sår_hals|sårhals|halsvondt|vondt_i_halsen|halsen_er_sår|sore_throat|throat_hurts|scratchy_throat"
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
       "|smerte*|pain|plager|plagene|symptoms|symptomer"
       "|symptomene|spasm*|spastisitet|stiv*|stiff*|dag|day|days|dager", unless="verre|værre|worse|=ny|=nye|=nytt"
       "|=new|tilbake|back|økt|increased|attakk*|relapse*|flare*|oppbluss*"),
    _C("known_ms_stable", "spastisitet|spasticity|spastisk|spastic|spasmer|spasms|spasm|stivhet_i_beina|stive_bein"
       "|stive_ben|stiff_legs|uthoff|uhthoff*"),
)
