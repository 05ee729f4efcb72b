"""Patient words for the other urgent items: infection, liver, bleeding, allergy, injection site,
pregnancy, self-harm and new immune-suppressing medicines (clinical/symptoms.md).

The pattern language is described in `lexicon.py` and `../matching.py`.
"""

from __future__ import annotations

from webapp.domain.triage.data.lexicon import Cue

_C = Cue

URGENT_CUES: tuple[Cue, ...] = (
    # --- urgent, infection on natalizumab (facts B4, E6)
    _C("fever", "feber|febr|feberen|febern|febril|febrilt|feberaktig|feberhet|feberfølelse|feberfølelsen|fever|feverish"
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
       "|nummen|numb|klør|itch*|itchy|burning|svir|brenner|rar|rart|strange|weird|odd|funny|thick|tykk|big|stor"),
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
    _C("serious_infection", "abscess|abscesses|byll|byllen|verkebyll* + tann*|tooth|teeth|dental|jaw|kjeve*|face"
       "|ansikt*|kinn*|cheek"),
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

URGENT_CUES += (
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
    _C("sign:nausea", "kvalm|kvalme|kvalmen|kvalmende|nausea|nauseous|nauseated|nausious|nausous|nauseus|naucious"
       "|queasy|bilsyk*|sjøsyk*|uvel_i_magen"
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
       "|start_a_family|stifte_familie|ha_barn|pregnancy|graviditet|svangerskap*|barn|children|kids",
       unless="school|skole*|barnehage*|=bed|homework|lekser|=eat|spise|=sleep|sove|=dress|kle"),
    _C("pregnancy", "mens|mensen|menstruasjon*|period|periods + forsinket|sen|seint|sent|uteblitt|uteblir|late"
       "|missed|skipped|overdue"),
    _C("pregnancy", "@NOT|missed|skipped fått|had|come|kommet|got mens|mensen|menstruasjon*|period|my_period",
       unless="lenge|years|år|overgangsalder*|menopause|spiral|hormonspiral|p_piller|pill"),
    _C("self_harm_thoughts", "selvmord*|suicid*|suicidal|selvskad*|self_harm|selfharm|livet_av_meg|ta_livet"
       "|ta_mitt_eget_liv|tar_livet|ende_livet|avslutte_livet|kill_myself|killing_myself|end_my_life|ending_my_life"
       "|end_it_all|gjøre_slutt_på|hurt_myself|harm_myself|harming_myself|hurting_myself|skade_meg_selv|skade_meg"
       "|better_off_dead|bedre_død|ønsker_å_dø|want_to_die|wanna_die|vil_dø|lyst_til_å_dø|mørke_tanker"
       "|dark_thoughts|ingen_grunn_til_å_leve|no_reason_to_live|ingen_vits_i_å_leve|mistet_lysten_til_å_leve|lost_the_will_to_live|no_will_to_live|ingen_lyst_til_å_leve"
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

# --- issue 11 §5: pregnancy told indirectly, passive death wishes, diarrhoea idioms (review §2.5.7, §2.6.2-3) --
URGENT_CUES += (
    # Pregnancy: plans, a late period, stopping contraception, fertility treatment, slang (facts G2-G3).
    _C("pregnancy", "prøver|prøve|trying|try|tries + få|for|to_have|å_få|for_a + barn|baby|child|born|another|second"
       "|sibling|søsken|nummer_to|number_two", unless="=meg|=myself|=yourself"),
    _C("pregnancy", "mens|mensen|menstruasjon*|period|periods + overtid|på_overtid|overdue|forsinka|ikke_kommet"),
    _C("pregnancy", "sluttet|slutta|slutte|stopped|stopping|stoppet|stoppa|quit|came_off|come_off|gone_off|fjernet"
       "|fjerna|removed|tok_ut|tatt_ut|had_out + pillene|pillen|pille|the_pill|prevensjon*|contracepti*|spiral*"
       "|spiralen|coil|iud|p_stav*|implant|implantat|p_sprøyt*|minipille*"),
    _C("pregnancy", "ivf|prøverør*|fertilitet*|fertility|assistert_befruktning|inseminering|insemination"
       "|eggløsningstest*|ovulation_test*"),
    _C("pregnancy", "på_smellen|paa_smellen|knocked_up|bun_in_the_oven|i_lykkelige_omstendigheter|ventar_barn"
       "|ventar_born|venter_småen"),
    _C("pregnancy", "=er|=e|=æ|=am med_barn|med_born"),
    # Passive death wishes in everyday words are self_harm_thoughts (symptoms.md note), never hard_to_wake.
    _C("self_harm_thoughts", "ønsker|ønskjer|wish|wishes|håper|hope|rather|heller|gjerne + @NOT våkne|våkna|våknet"
       "|wake|waking|vakne|vakna"),
    _C("self_harm_thoughts", "sovne|sovnet|sovna|asleep|sleep + @NOT|aldri|never våkne|våknet|våkna|wake|waking"),
    _C("self_harm_thoughts", "vil|want|wants|ønsker|wish|håper + alt|everything|it_all|det_heile|det_hele + ta_slutt"
       "|end|to_end|be_over|være_over|slutte", scope="sentence"),
    _C("self_harm_thoughts", "orker|orkar|can|cannot @NOT mer|meir|lenger|lengre|more|take_it_anymore|take_any_more"
       "|go_on|carry_on|fortsette", unless="trene|trening|jobbe|jobb|work|gå|walk|spise|eat"),
    _C("self_harm_thoughts", "spare|sparer|sparar|spart|samle|samler|saving|save|saved|hoarding|stockpiling"
       "|collecting|stocking_up + tablett*|tablettane|piller|pills|medisin*|medication|medicine|sovetablett*"
       "|sleeping_pills", unless="penger|money|kr|kroner|cost|costs|kostnad*"),
    _C("self_harm_thoughts", "easier|better|best|lettere|bedre|enklere + if|om|hvis|without|uten + not_here"
       "|ikke_var_her|ikkje_var_her|forsvant|forsvann|disappeared|was_gone|were_gone|dead|død|meg|me",
       scope="sentence"),
    _C("self_harm_thoughts", "@NOT want|wanna|vil|ønsker + be_here|være_her|vere_her|live|leve|exist|finnes|be_alive"),
    # Diarrhoea in everyday words.
    _C("sign:diarrhoea", "rennende_mage|rennande_mage|the_runs|løs_i_magen|laus_mage|laus_i_magen|tynn_mage|skitern"
       "|ræva_renner|på_do_hele_tiden|on_the_toilet_all_the_time|on_the_loo_all_the_time|in_the_loo"),
)

URGENT_CUES += (
    _C("pregnancy", "prøve|prøver|prøvd|prøvar|try|trying + på|for|å_få nummer_to|number_two|en_til|ein_til|another"
       "|sibling|lillebror|lillesøster|barn_nummer_to|baby_number_two|=nr"),
    _C("pregnancy", "start|starte|starta|startet|starting + a_family|familie|familien|stifte_familie"),
    _C("self_harm_thoughts", "sleep|sove|sovne|sova|søvn + forever|for_alltid|for_godt|evig|for_good"),
    _C("self_harm_thoughts", "what_the_point|what_is_the_point|no_point_in_living|no_point_anymore|ingen_vits_å_leve"
       "|hva_er_vitsen|kva_er_vitsen|ikke_vits_i_å_leve|meningsløst_å_leve"),
    _C("self_harm_thoughts", "samla|samlet|samla_på|sparte|spara|gjemmer|gøymer|hiding|hidden + sovepille*|sovemedisin*"
       "|piller|pills|tablett*|sovetablett*|medisin*"),
    _C("sign:diarrhoea", "=runs + watery|toilet|loo|days|dager|dagar|nonstop", scope="sentence"),
)

URGENT_CUES += (
    # An overdose thought in plain words (symptoms.md self_harm_thoughts).
    _C("self_harm_thoughts", "taking|take|ta|tatt|ta_alle|took all|alle|the_whole|hele|heile|every pills|pillene"
       "|tablets|tablettene|tablettane|medisinene|medisinane|boksen|the_box|the_bottle"),
    _C("self_harm_thoughts", "overdose|overdosere|overdos|ta_en_overdose"),
)

URGENT_CUES += (
    _C("pregnancy", "thinking_about|considering|vurderer|tenker_på|planning|planlegg* + having_a_baby|getting_pregnant"
       "|å_få_barn|å_bli_gravid|a_baby|another_baby|=baby|trying"),
    _C("pregnancy", "mens|mensen|menstruasjon*|period|periods + uteblei|uteble|uteblitt|kom_ikke|kom_ikkje"
       "|har_ikke_kommet|har_ikkje_kome|didnt_come|did_not_come|hasnt_come|has_not_come"),
    _C("self_harm_thoughts", "why|hvorfor|kvifor|vitsen|the_point|no_point + keep_going|go_on|carry_on|living|live"
       "|leve|fortsette|halde_fram|holde_ut", scope="sentence"),
)

URGENT_CUES += (
    _C("self_harm_thoughts", "@NOT see|ser|know|vet|veit why|hvorfor|kvifor|the_point|vitsen + keep_going|go_on"
       "|carry_on|living|leve|fortsette|halde_fram|holde_ut", scope="sentence"),
)

URGENT_CUES += (
    _C("pregnancy", "period|periods|mens|mensen|menstruasjon* + not_coming|not_come|ikke_kommet|missing|missed|sein"
       "|seine|uteblitt|two_months|to_måneder"),
    _C("pregnancy", "på_tjukken|paa_tjukken|på_tjukka|maybe_baby|maybe_pregnant|kanskje_gravid|kanskje_baby"),
)

URGENT_CUES += (
    # Round 8: pregnancy and passive death wishes in everyday words (symptoms.md notes; review §2.6.2-3).
    _C("pregnancy", "stopped|stopping|quit|sluttet|slutta|slutte|droppet|dropped + using_protection|protection"
       "|condom*|kondom*|beskyttelse|prevensjon|contraception"),
    _C("pregnancy", "test|testen|tested|testet|pregnancy_test + to_streker|two_lines|two_pink_lines|to_strekar"
       "|two_stripes|to_striper|=positiv|=positive", scope="sentence", unless="covid*|korona*|corona|strep|jcv"),
    _C("self_harm_thoughts", "best|bedre|lettere|enklere|easier|better + ikke_våknet|ikkje_vakna|ikke_våkna"
       "|ikke_våkner|ikkje_vaknar|ikke_våkne|ikkje_vakne|not_wake_up|didnt_wake_up|never_woke_up|never_wake_up"
       "|did_not_wake_up", scope="sentence"),
    _C("self_harm_thoughts", "keeping_back|keep_back|kept_back|stash*|putting_aside|setting_aside|put_aside"
       "|legge_til_side|legger_til_side|lagt_til_side|spart_opp|sparer_opp + pills|piller|tablett*|medisin*"
       "|medication|medicine|tablets", scope="sentence"),
)

URGENT_CUES += (
    # Round 9: "Æ orke ikkje meir av dette livet": a passive death wish in dialect (symptoms.md note).
    _C("self_harm_thoughts", "orke|orka|orker|orkar|=ork @NOT mer|meir|lenger|lengre + livet|dette_livet|life|this_life"
       "|leve|å_leve|å_lev", scope="sentence"),
)

URGENT_CUES += (
    # Round 10: "har prøvd å få barn"; "om jeg ikke var her lenger" (symptoms.md notes, review §2.6.2-3).
    _C("pregnancy", "trying|try|prøver|prøve + for_our_first|for_a_first|for_our_second|for_number|på_vårt_første"
       "|på_det_første|for_vårt_første|our_first_baby|our_first_child"),
    _C("self_harm_thoughts", "thought|thinking|thoughts|tenkt|tenker|tenkje|tenkjer + not_waking_up|never_waking_up"
       "|not_wake_up|ikke_våkne|ikkje_vakne|aldri_våkne|aldri_vakne|ikke_våkne_opp|ikkje_vakne_opp", scope="sentence"),
    _C("pregnancy", "prøvd|prøvde|prøvet|prøvt|tried|been_trying|freista + få|for|to_have|å_få|for_a|to_get + barn"
       "|baby|child|pregnant|gravid|born", unless="=meg|=myself|=yourself"),
    _C("self_harm_thoughts", "ikke_var_her_lenger|ikkje_var_her_lenger|ikke_var_her_mer|ikkje_var_her_meir"
       "|ikke_fantes_lenger|ikkje_fanst_lenger|wasnt_here_anymore|was_not_here_anymore"
       "|not_around_anymore|wasnt_around_anymore"),
    _C("self_harm_thoughts", "@NOT + gjort_noe|gjort_noko|gjort_noen_ting|matter|mattered|matters + ikke_var_her"
       "|ikkje_var_her|ikke_fantes|ikkje_fanst|wasnt_here|was_not_here|were_not_here|wasnt_around|was_not_around"
       "|was_gone|var_borte|var_vekke|døde|died|dead", scope="sentence"),
)
