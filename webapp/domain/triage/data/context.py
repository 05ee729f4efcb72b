"""Words around a symptom that change what it means: time, certainty, who noticed, the cold chain.

Cues here use the pattern language of `../matching.py` (see `lexicon.py`). Codes:

- ``mod:*``  the modifiers of symptoms.md (after the dose, over 24 hours, getting worse, sudden);
- ``ctx:*``  context that `qualify` and `weigh` use: who noticed, past, resolved, today,
  usual, heat, education, first-person claims, the injection site, injuries, lab results, someone
  else's illness, the cold chain, and plain complaints that match no item.

Single words with a grammatical role (negations, conditionals, clause breaks) are plain sets.
"""

from __future__ import annotations

from webapp.domain.triage.data.lexicon import Cue

_C = Cue

CONTEXT_MACROS = {
    "REL": "kona|kone|konen|kona_mi|mannen|=mann|ektemann*|ektefelle*|husband|hubby|wife|partner*|samboer*|kjæreste*"
    "|boyfriend|girlfriend|sønn|sønnen|sønnene|=son|=sons|datter|datteren|dattera|døtrene|daughter*|barna|ungene"
    "|children|kids|moren|mora|mamma|mother|=mum|=mom|faren|pappa|father|=dad|søster*|sister*|bror|broren|brother*"
    "|venn|vennen|venner|venninne*|friend*|kollega*|colleague*|coworker*|familie*|family|naboen|neighbour*|neighbor*"
    "|folk|people|others|andre|everyone|alle|omgivelsene|carer|caregiver|pleier|hjemmesykepleie*|helsesøster",
    "SAY": "sier|sa|sagt|synes|syns|syntes|mener|mente|merket|merker|merka|lagt_merke|påpeker|påpekte|klager|kommenterte"
    "|reagert|reagerte|=says|=said|=say|thinks|noticed|notices|noticing|told|tells|=tell|mentioned|mentions|pointed"
    "|commented|complains|complained|observed|=sees|=saw|=ser|worried|bekymret|bekymra|spør|spurte|asked|asks"
    "|according|ifølge",
    "TIMEWORD": "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|saturday"
    "|sunday|helgen|weekend|the_weekend|forrige_uke|last_week|sist_uke|forrige_helg|i_forgårs|forgårs|i_går"
    "|yesterday|day_before_yesterday",
}

CONTEXT_CUES: tuple[Cue, ...] = (
    # Started within 2 hours after an injection: reactions come typically within 2 h (facts B1).
    _C("mod:after_dose", "etter|after|since|siden|following|rett_etter|like_etter|right_after|straight_after|just_after"
       "|kort_tid_etter|soon_after|shortly_after|minutter_etter|minutes_after @INJ"),
    _C("mod:after_dose", "da|when|while|mens|during|under jeg|i|I satte|set|took|tok|injiserte|injected|injecting|gave"
       "|ga|stakk @INJ|meg|myself|the_injection"),
    _C("mod:after_dose", "=da|when|while|mens|during|under jeg|i injiserte|injected|injecting|stakk_meg"),
    _C("mod:after_dose", "siden|since|etter|after jeg|i injiserte|injected|tok|took|satte|had|fikk|got @INJ|meg"),
    _C("mod:after_dose", "under|during|etter|after injeksjonen|injection|sprøytestikket|dosen"),
    _C("mod:after_dose", "within|innen|i_løpet_av + hour|hours|time|timen|timer|minutes|minutter|halvtime + @INJ"),
    # Lasted more than 24 hours: a relapse lasts more than a day (facts A1). Counted durations are in mentions (numbers).
    _C("mod:over_24h", "siden|since|fra|from @TIMEWORD"),
    _C("mod:over_24h", "i_flere_dager|i_dagevis|for_days|for_weeks|i_ukevis|i_lang_tid|for_a_while|en_stund|a_while"
       "|lately|i_det_siste|den_siste_tiden|recently|nylig|the_last_few_days|de_siste_dagene|past_few_days"
       "|de_siste_ukene|siste_ukene|the_last_few_weeks|past_few_weeks|past_weeks"
       "|hele_uka|hele_uken|all_week|over_et_døgn|mer_enn_et_døgn|more_than_a_day|several_days"
       "|flere_dager|noen_dager|a_few_days|couple_of_days|et_par_dager|weeks|uker|måneder|months"),
    # Getting worse over days: any routine item becomes urgent; PML progresses over days-weeks (facts E2).
    _C("mod:worse", "verre|værre|worse|forverr*|forverret|forverring|worsening|tiltagende|tiltakende|progressing"
       "|progressive|progredier*|escalating|økende|increasing|dårligere_og_dårligere|worse_and_worse"
       "|verre_og_verre|mer_og_mer|more_and_more|svakere_og_svakere|weaker_and_weaker|stadig_verre|stadig_dårligere"
       "|stadig_svakere|steadily_worse|gradually_worse|gradvis_verre|verre_for_hver_dag|worse_every_day"
       "|worse_each_day|worse_by_the_day|dårligere_for_hver_dag"),
    _C("mod:worse", "blir|blitt|getting|gets|got|become|becoming|grown|growing|går + verre|worse|dårligere|svakere"
       "|weaker|tyngre|heavier|større|bigger|bredere|spreading|sprer_seg|spredt"),
    _C("mod:worse", "sprer_seg|spreder_seg|brer_seg|spreading|spreads"),
    # Sudden onset of a neuro deficit: stroke-like, call 113 (symptoms.md modifiers).
    _C("mod:sudden", "plutselig|plutselige|brått|bråtte|suddenly|sudden|abruptly|abrupt|all_of_a_sudden|out_of_nowhere"
       "|out_of_the_blue|med_ett|på_et_øyeblikk|in_seconds|within_seconds|within_minutes|i_løpet_av_sekunder"
       "|i_løpet_av_minutter|came_on_fast|kom_brått|kom_plutselig|lynraskt|uten_forvarsel|without_warning"),
    # It began minutes ago: an acute deficit, as sudden as "plutselig" (symptoms.md, sudden onset).
    _C("mod:sudden", "started|startet|begynte|began|came|kom|happened|skjedde + just_now|nettopp|akkurat_nå|right_now"
       "|a_moment_ago|for_litt_siden|minutes_ago|minutter_siden|min_siden|mins_ago"),
    _C("mod:sudden", "for|i noen|et_par|few|a_few|couple minutter|minutes|min|mins siden|ago"),
    # "Nå nettopp ble det helt mørkt" (round 13); not "right now", which tells of the present, not the onset.
    _C("mod:sudden", "ble|vart|went|became + nå_nettopp|no_nettopp|just_now|akkurat_nettopp"),
    # "For fem minutter siden", "20 minutes ago": it began minutes ago (symptoms.md, sudden onset).
    _C("mod:sudden", "minutter|minutt|minutes|minute|mins siden|ago|sidan|sia"),
    # A bruise or nosebleed with a plain cause is an injury; unexplained or hard to stop, it is the B6 warning.
    _C("ctx:injury", "slo_meg|slo|slått|slått_meg|dunket|stanget|stubbed|bumped|knocked|banged|walked_into|klemte"
       "|klemt|pinched|falt|datt|snublet|tripped|fell|blowing_my_nose|blew_my_nose|pusset_nesen|snøt_meg|pirket"
       "|picked|barberte|shaving|blodprøve*|blood_test|ball|sport|fotball|football|trening|workout|accident|ulykke"),
    _C("ctx:unexplained", "uten_grunn|for_no_reason|unexplained|no_reason|ingen_grunn|keep_appearing|keeps_appearing"
       "|dukker_opp|av_seg_selv|out_of_nowhere|mange|many|lots|loads|overalt|everywhere|stadig|flere|several"
       "|will_not_stop|ville_ikke_stoppe|slutter_ikke|hard_to_stop|vanskelig_å_stoppe|klarer_ikke_å_stoppe"
       "|would_not_stop|for_over|i_over|over_en_time|over_an_hour"),
    # Someone else noticed: counts as the patient's own; relatives often notice PML first (facts E2).
    _C("ctx:reported_by_other", "@REL @SAY", scope="sentence"),
    _C("ctx:reported_by_other", "ifølge|according_to @REL"),
    # Past: an old episode is not a new symptom (symptoms.md, Free text).
    _C("ctx:past", "i_fjor|ifjor|last_year|forrige_år|året_før|år_siden|years_ago|year_ago|for_lenge_siden"
       "|long_ago|a_long_time_ago|in_the_past|tidligere_attakk|previous_relapse|previous_relapses|last_relapse"
       "|forrige_attakk|earlier_relapse|da_jeg_fikk_diagnosen|when_i_was_diagnosed|at_diagnosis|som_barn"
       "|as_a_child|as_a_kid|i_sin_tid|før_jeg_startet|før_jeg_begynte|before_i_started|before_starting"
       "|history_of|previously|tidligere|from_the_relapse|fra_attakket|back_then|den_gangen|once_before"
       "|for_mange_år|lenge_siden|long_time_ago|a_long_time|used_to|pleide_å|som_tenåring|as_a_teenager|when_i_was_young|i_ungdommen|som_ung|in_my_youth"
       "|in_my_teens", unless="=dag|today|morges|morning|kveld|evening|natt|night|uke|week|=nå|now"),
    _C("ctx:past", "for|i|=in år|years|months|måneder + siden|ago"),
    # Resolved: gone now; not a new symptom (symptoms.md, Free text).
    _C("ctx:resolved", "gikk_over|gått_over|har_gått_over|er_over|var_over|er_borte|ble_borte|borte_nå|forsvant"
       "|forsvunnet|went_away|gone_away|is_gone|all_gone|now_gone|disappeared|resolved|cleared_up|gone_completely"
       "|completely_gone|helt_borte|gått_helt_over|has_gone_away|has_cleared|forsvant_helt|has_gone|have_gone|had_gone"
       "|i_dag_er_det_bra|er_det_bra_i_dag|bra_i_dag|fin_i_dag|ok_i_dag|fine_today|better_today|good_today"
       "|all_good_today|feberfri|fever_free|symptomfri|symptom_free|smertefri|pain_free"
       "|back_to_normal|tilbake_til_normalen|normal_igjen|normal_again|fine_now|fin_nå|bra_nå|helt_bra|okay_now"
       "|ok_now|all_good_now|alt_bra_nå|recovered|frisk_igjen|frisk_nå|better_now_fully|no_longer_there"
       "|ikke_der_lenger|not_there_anymore|gone_now|over_nå|borte_nå|helt_borte_nå|er_borte_nå"),
    # Today, just now: a symptom that came and went today is still today's report (a short dizzy spell is logged).
    _C("ctx:recent", "i_dag|idag|today|i_morges|this_morning|i_kveld|tonight|i_natt|last_night|nettopp|just_now"
       "|for_litt_siden|a_moment_ago|earlier_today|tidligere_i_dag|i_ettermiddag|this_afternoon|kort_stund"
       "|short_while|fort_over|quickly|raskt_over|etter_litt|after_a_while"),
    # Stable: the usual MS symptom, no worse (symptoms.md, known_ms_stable).
    _C("ctx:stable", "same_old|samme_gamle|the_old|den_gamle|det_gamle|de_gamle|my_old|mine_gamle|min_gamle"
       "|som_vanlig|as_usual|like_før|som_før|same_as_before|same_as_always|uendret|uforandret|unchanged"
       "|nothing_new|ingenting_nytt|ikke_noe_nytt|no_change|no_changes|ingen_endring|ingen_forandring|stabil|stabilt"
       "|stable|ikke_verre|not_worse|no_worse|samme_som_før|the_same_as|the_usual|my_usual|mine_vanlige|mitt_vanlige"
       "|min_vanlige|de_vanlige|vanlige|usual|kjent|known|familiar|kronisk"
       # "kjente jeg prikking" is "I felt tingling" (round 13): "kjente" is "known" only with its noun
       "|kjente_symptomer|kjente_plager|kjente_ms|de_kjente|mine_kjente|det_kjente|den_kjente|min_kjente"
       "|kjente_symptom|kjente_plagene|kjente_symptomene|kroniske|chronic|alltid_hatt"
       "|always_had|har_alltid|have_always|i_mange_år|for_years|for_many_years|restsymptom*|residual|gamle_plager"
       "|old_symptoms|som_alltid|as_always|vanlig_for_meg|normal_for_me|ikke_noe_nytt", unless="@NOTSTABLE"),
    # Heat or effort briefly worsens old MS symptoms (facts A3): known and stable unless it lasts.
    _C("ctx:heat", "warm_weather|when_it_is_warm|in_warm_weather|hot_day|hot_days|warm_day|cool_off|cool_down"
       "|cooled_down|kjøler_meg_ned|kjøle_meg_ned|kjølt_meg_ned|i_varmen|in_the_heat|when_it_is_hot|når_det_er_varmt|varmt_vær|hot_weather|hot_bath|varmt_bad"
       "|dusj|dusjen|shower|badstue|sauna|etter_trening|after_exercise|after_exertion|etter_anstrengelse"
       "|after_a_workout|etter_en_tur|after_a_walk|i_sola|in_the_sun|hetebølge*|heatwave"),
    # Education questions: "can Tysabri cause…" is not a symptom (symptoms.md, Free text).
    _C("ctx:edu", "kan_gi|can_cause|could_cause|may_cause|might_cause|kan_føre_til|lead_to|leads_to|symptom_på"
       "|symptom_of|symptoms_of|symptomer_på|tegn_på|sign_of|signs_of|warning_signs|varselsignal*|bivirkning*"
       "|side_effect|side_effects|risk_of|risiko_for|leste|read_about|reading_about|informasjon_om"
       "|information_about|info_om|brosjyre*|leaflet|pakningsvedlegg*|er_det_vanlig|is_it_common|hvor_vanlig"
       "|how_common|hva_betyr|what_does|hvordan_vet_jeg|how_do_i_know|how_would_i_know|how_can_i_tell"
       "|look_out_for|watch_out_for|følge_med_på|hva_skal_jeg_se_etter|what_should_i_look|what_are_the_symptoms"
       "|hva_er_symptomene|learn_about|lære_om|kurs|course|webinar"),
    # A first-person or third-person statement: in a question, it makes the symptom real.
    _C("ctx:claim", "jeg|i har|er|ser|kjenner|føler|blir|sliter|merker|fikk|hadde|hatt|have|am|feel|felt|see|keep"
       "|got|had|been|noticed|began|started|woke|våknet|is|har_hatt|har_fått|has"),
    _C("ctx:claim", "han|hun|he|she har|er|is|has|had|hadde|keeps|fikk|got"),
    _C("ctx:claim", "=my|=min|=mitt|=mine|=mi|=this|=these|dette|denne|i_dag|today|=nå|now|i_går|yesterday|i_morges"
       "|this_morning|i_kveld|tonight|i_natt|last_night|since|siden|denne_uka|this_week|akkurat_nå|right_now|at_the_moment|for_øyeblikket"),
    # Where the injection went in (site reactions, symptoms.md injection_site_*).
    _C("ctx:site", "der|hvor|where|around|rundt|near|ved|på|at|on|round sprøyt*|injeksjon*|injection|injections|stikket"
       "|stikkstedet|=jab|jabs|=shot|needle|nål*|nålen|stakk|satte|injected|injiserte|injiser*|jabbed|stakk_meg"
       "|did_the_injection|put_the_needle"),
    _C("ctx:site", "etter|after|av|fra|from + stikket|sprøytestikket|nålestikket|the_jab|the_shot|the_needle"),
    _C("ctx:site", "from|fra the|my|sprøyta|sprøyten injection|injections|jab|shot|needle|stikket|sprøyta|sprøyten"),
    _C("ctx:site", "stikkstedet|stikksted*|innstikk*|injeksjonssted*|injection_site|injection_sites|injection_spot"
       "|injection_area|site_of_the_injection|stikkstedene|injection_mark"),
    # Cold chain: syringes kept at 2-8 °C; a break is for the nurse to judge (facts, storage section 5).
    _C("ctx:cold_chain", "strøm|strømmen|power|elektrisitet* + gikk|borte|brudd|went|=out|cut|failed|outage|off"),
    _C("ctx:cold_chain", "strømbrudd*|strømstans|power_cut|power_outage|power_failure|romtemperatur|room_temperature"
       "|kjølekjede*|cold_chain"),
    _C("ctx:cold_chain", "kjøleskap*|fridge|fridges|refrigerator|kjøleveske*|kjølebag*|cool_bag|cooler + ødelagt|broke"
       "|broken|stopped|died|varm*|warm|warmer|for_varmt|too_warm|not_cold|ikke_kaldt|feil|wrong|streiker|slått_av"
       "|turned_off|unplugged|switched_off|åpen|open|stod_åpen|left_open|avrim*|defrost*|frøs|froze|frozen|frosset"
       "|ute_av|out_of|utenfor|outside|glemte|forgot|forgotten|glemt|i_timer|for_hours|left_out|left_open|stoppet"
       "|stanset|gikk_i_stykker|sluttet_å_virke|virker_ikke|fungerer_ikke|slo_seg_av|packed_up|stopped_working"),
    _C("ctx:cold_chain", "iskrystall*|ice_crystals|frosne|frossen|frossent|frozen_solid|for_kaldt|too_cold"
       " + sprøyt*|syringe*|pen|penn*|medisin*|medication|dosene|doses|kjøleskap*|fridge"),
    _C("ctx:fridge_temperature", "kjøleskap*|fridge|fridges|refrigerator|kjøleveske*|kjølebag*|cool_bag|cooler"
       " + grader|degrees|temperatur*|temperature*|termometer*|thermometer*|viste|showed|read|reads|målte"),
    _C("ctx:cold_chain", "sprøyt*|syringe*|pen|penn*|pennene|medisin*|medication|dosene|doses|tysabri|pakken|package"
       "|boksen|esken|box + ute|utenfor|outside|bilen|car|sola|sun|varmen|heat|frøs|froze|frozen|frosset|fryseren"
       "|freezer|romtemperatur|room_temperature|left_out|lå_ute|stod_ute|sto_ute|left_them_out|left_it_out"
       "|left_in|hele_natta|hele_natten|all_night|overnight|over_natten|i_timevis|for_hours|all_day|hele_dagen"
       "|several_hours|many_hours|flere_timer|i_flere_timer", unless="@SITE|stikk*"
       "|hud*|skin|etter|after|bruke|use|using"),
)

CONTEXT_CUES += (
    # Results the clinic will want at once: low platelets (facts B6), raised liver tests (B5).
    _C("ctx:lab_platelets", "blodplater|blodplatene|platelets|platelet|trombocytt*|platelet_count + lav|lave|lavt|low"
       "|lower|dropped|falt|redusert|reduced|few|få"),
    _C("ctx:lab_platelets", "trombocytopeni|thrombocytopenia|thrombocytopaenia"),
    _C("ctx:lab_liver", "levertall*|leverprøve*|leververdi*|leverenzym*|liver_tests|liver_test|liver_function"
       "|liver_enzymes|liver_values|liver_bloods|=alat|=asat + høy|høye|høyt|high|raised|forhøyet|forhøyede|unormal*"
       "|abnormal|elevated|dårlig*|bad|=up|oppe|off"),
    # The writer asks about their own dose or about catching it: then a relative's illness is the relative's.
    _C("ctx:self_exposure", "jeg|i ta|take|have|get|inject|injisere|sette|setter|continue|fortsette @INJ|=min|=my"),
    _C("ctx:self_exposure", "jeg|i inject|injisere|injiserer|dose|dosere|still_inject|still_take"),
    _C("ctx:self_exposure", "should_i_be_worried|bør_jeg_være_bekymret|er_det_farlig_for_meg|smittefare|contagious"
       "|smittsom*|risk_to_me|affect_me|påvirke_meg"),
    _C("ctx:self_exposure", "for_meg|for_me|smitte*|smittet|smittes|catch_it|catching_it|get_infected|be_infected"
       "|bli_smittet|risk_for_me|risky_for_me|farlig_for_meg|exposed|utsatt"),
)

# Stable markers that are not: "worse than usual", "not as usual", "different from usual".
CONTEXT_MACROS["NOTSTABLE"] = "verre|værre|worse|annerledes|different|sterkere|stronger|mer_enn|more_than|enn|than"
# "som alltid har styrt økonomien har begynt å …": something has begun, it is not the usual (round 11); "innimellom
# …, nå er det konstant": what came and went is there all the time now (round 13). Single words: an "unless"
# phrase counts word by word (matching.py).
CONTEXT_MACROS["NOTSTABLE"] += "|begynt|byrja|konstant|constant|constantly"

# Complaints that match no item: the nurse reads them (symptoms.md, "when unsure, flag for a callback").
COMPLAINT_CUES: tuple[Cue, ...] = (
    _C("ctx:complaint", "vondt|vond|smerte*|smerter|verk|verker|verking|ubehag*|plage|plager|plaget|plagsom*"
       "|pain|pains|painful|hurts|hurting|ache|aches|aching|sore|discomfort|uncomfortable|symptom|symptomer"
       "|symptoms|problem|problemer|problems|trøbbel|trouble|sliter|struggling|=rar|rart|merkelig*|weird|strange"
       "|=odd|funny_feeling|odd_feeling|feels_off|something_feels_off|noe_er_rart|føles_rart|=syk|sjuk|sick|=ill|unwell|uvel|=dårlig|poorly|ikke_bra|not_well"
       "|ikke_i_form|not_right|something_wrong|noe_galt|not_myself|hjertebank*|palpitation*|heart_racing"
       "|hjertet_raser|hjertet_hamrer|racing_heart|tinnitus|øresus|ringing_in|svett*|sweat*|nattesvette"
       "|vekttap|weight_loss|lost_weight|gått_ned_i_vekt|håravfall|hair_loss|mister_hår|losing_hair|klø*|itch*"
       "|utslett|rash|eksem|eczema|kul|klump|lump|hevelse|swelling|swollen|hoven|hovent|=sår|wound|infeksjon*"
       "|betent|inflamed|insomnia|søvnløs*|sover_dårlig|can_not_sleep|får_ikke_sove|sleep_problems|søvnproblem*"
       "|appetitt*|appetite|matlyst|tørst|thirsty|munntørr*|dry_mouth|tannpine|toothache|øreverk|earache|rødt_øye"
       "|red_eye|blurry|=vond|stiv|stiff|kløende|itchy|hovne|=feel_bad|feel_off|feeling_off|føler_meg_rar"
       "|føler_meg_dårlig|føler_meg_syk|ikke_helt_meg_selv|bekymret_for_at|worried_that|redd_for_at|scared_that"
       "|afraid_that|noe_er_feil|something_is_off|feel_strange|feel_weird|skade|injury|injured|skadet|brudd"
       "|fracture|forstuet|brannsår|burn|bitt|bite|stikk|sting|allergi*|allergic|reaksjon*|reaction|reactions"
       "|bivirkning*|side_effect|side_effects|dry_skin|tørr_hud|flass*|flaky|peeling|antidepressant*|antidepressiva"
       "|ny_medisin|new_medication|new_medicine|new_tablets|nye_tabletter|started_taking|begynt_å_ta|skrubb*|scrape*"
       "|graze*|cut_my|cut_myself|kuttet_meg|kuttet|brant_meg|burned_myself|burnt_myself|burnt|splinter|flis|fliser"
       "|vorte|vorter|wart|warts|sopp|soppinfeksjon|thrush|yeast_infection|candida|tørre_øyne|dry_eyes|tørr_i_øynene"
       "|swell|swells|hovner|hovnet|blodtrykk*|blood_pressure|hay_fever|høysnue|pollen*|pollenallergi*|renner_fra_øynene"
       "|watery_eyes|rennende_øyne|rough|lousy|rubbish|rotten|grotty|under_the_weather|off_colour|off_color"
       "|dårlig_form|elendig_form|twitch*|rykninger|kramperykk|jerks|jerking|insektstikk|insect_bite|bee_sting|vepsestikk|flåttbitt|tick_bite|flått|tick",
       unless="app|appen|skjema|form|nettside*|website|login|passord*|password*|bestilling*|levering*|delivery|apotek*"
       "|pharmacy|=kø|queue|=bil|=car|jobb*|=work|=pc|=order|ordering|resept*|prescription*|logg*"),
)

# --- single words with a grammatical role (folded: ø -> o, å -> a, æ -> ae) -------------------------------
NEGATIONS = frozenset(
    "ikke ikkje ingen inga intet uten aldri verken hverken no not without never none nor neither nothing ingenting"
    .split()
)
# A negation followed by these does not deny the symptom: "ikke sikker", "not only", "no better", "not too bad".
NEGATION_NEUTRAL_NEXT = frozenset(
    "sikker sure certain bare only just sa so too veldig very saerlig spesielt particularly mye much that bedre better"
    " bedring improvement improving improved change endring forandring lenge long know vet knew visste idea anelse"
    " grunn reason arsak cause warning forvarsel varsel at helt quite".split()
)
# ... and preceded by these: "vet ikke", "sikkert ingenting", "probably nothing", "kanskje ikke".
NEGATION_NEUTRAL_BEFORE = frozenset(
    "vet know usikker unsure sikkert probably nok trolig likely antakelig kanskje maybe perhaps surely sannsynligvis"
    " possibly".split()
)
NOVELTY_AFTER_NEVER = frozenset("for before lignende like such noe anything".split())  # "aldri hatt dette før"
CLAUSE_WORDS = frozenset(
    "men but fordi because though although however imidlertid mens while whereas except unntatt bortsett likevel"
    " derimot ellers otherwise besides".split()
)
# Someone the writer may be writing *about* (so "barnet mitt har feber" may not be the patient's fever).
OTHER_PEOPLE = frozenset(
    "barnet barna ungen ungene sonnen sonn datteren dattera baby babyen child kid kids son daughter children mannen"
    " kona kone konen husband wife partner partneren samboer samboeren kjaeresten boyfriend girlfriend mor moren mora"
    " mamma mum mom mother far faren pappa dad father bror broren brother soster sosteren sister kollega kollegaen"
    " colleague venn vennen friend familien family naboen nabo neighbour neighbor barnebarn grandchild"
    " boy girl gutt gutten jenta jenten toddler guttungen jentungen".split()
)
CATCHING = frozenset(
    "fever cold_no_fever serious_infection shingles sign:diarrhoea sign:vomit sign:nausea sign:chills sign:rash"
    " hives_widespread".split()
)
PARTNERS = frozenset(
    "kona kone konen kjaeresten samboeren samboer partneren partner wife girlfriend partner's".split()
)
GONE_FOR_GOOD = frozenset("away now completely altogether again entirely thankfully".split())
SOFTENERS = frozenset("litt lett little slightly bit small lite liten mild mildly tiny knapt barely".split())
SOFTENABLE = frozenset("hoven hovent hovne swollen swelling hevelse rodere redder hard hardt".split())
LIKE_WORDS = frozenset("like som as akkurat same samme lik liksom".split())
AGAIN_WORDS = frozenset("again igjen tilbake back returning returned starting begynner".split())
STILL_WORDS = frozenset("fortsatt fremdeles framleis still stadig enda enna".split())
SEGMENT_WORDS = frozenset("og and samt plus".split())
LIST_OR = frozenset("eller or nor heller".split())
CONDITIONALS = frozenset("hvis dersom ifall if suppose supposing hypothetically hypotetisk".split())
CONDITION_STARTS = CONDITIONALS | {"om", "case", "tilfelle", "skulle", "nar", "when"}
NB_PRONOUNS = frozenset("jeg du man det han hun vi de noen den dere".split())  # "om jeg får" (not "øm i" = "om i")
UNCERTAIN = frozenset(
    "vet visste sikker usikker lurer lurte spor spurte sjekke aner tvil know knew sure unsure uncertain wonder"
    " wondering wondered ask asking asked check checking tell see doubt whether idea".split()
)
GENERIC_SUBJECTS = frozenset("man du you one folk people pasienter patients noen someone".split())
PRESENT_ANCHORS = frozenset("na now idag today igjen again siden since denne this".split())
# Number words for durations ("i to dager", "for three days", "et par uker").
NUMBER_WORDS = {
    "en": 1, "ett": 1, "ei": 1, "et": 1, "a": 1, "an": 1, "one": 1, "to": 2, "two": 2, "tre": 3, "three": 3,
    "fire": 4, "four": 4, "fem": 5, "five": 5, "seks": 6, "six": 6, "sju": 7, "syv": 7, "seven": 7, "atte": 8,
    "eight": 8, "ni": 9, "nine": 9, "ti": 10, "ten": 10, "elleve": 11, "tolv": 12, "twelve": 12, "fjorten": 14,
    "par": 2, "couple": 2, "noen": 2, "few": 3, "flere": 3, "several": 3, "mange": 5, "many": 5,
}
HOURS_PER_UNIT = {
    **dict.fromkeys("dag dager dagen dagene day days".split(), 24.0),
    **dict.fromkeys("dogn dognet dogns".split(), 24.0),
    **dict.fromkeys("uke uker uka uken ukes week weeks".split(), 168.0),
    **dict.fromkeys("maned maneder maneden month months mnd".split(), 720.0),
    **dict.fromkeys("time timer timen hour hours hrs hr t h".split(), 1.0),
    **dict.fromkeys("minutt minutter min mins minute minutes".split(), 1 / 60),
}
DELAY_WORDS = frozenset("dagen day morgenen morning natten night neste next uke week dager days".split())
TEMPERATURE_UNITS = frozenset("grader degrees c celsius f fahrenheit".split())
STRONG_TEMPERATURE = frozenset(
    "feber feberen fever febril temp tempen temperatur temperaturen temperature malte measured malt termometer"
    " termometeret thermometer grader degrees celsius".split()
)
WEAK_TEMPERATURE_BEFORE = frozenset("har hadde hatt had have has got pa of at er var is was malt naa".split())
NOT_A_READING_BEFORE = frozenset("uke week uka side page nr nummer number kl klokka klokken dose under".split())
BELOW_WORDS = frozenset("under below nesten almost nearly mindre less lavere lower".split())
COUNT_NOUNS = frozenset(
    "ar years year uker weeks dager days kg mg ml prosent percent stk doser doses sproyter syringes ganger times"
    " timer hours min minutter minutes meter km cm kr kroner sider pages piller pills tabletter tablets personer"
    " people mennesker".split()
)
NOT_BODY_HEAT = frozenset(
    "kjoleskap kjoleskapet fridge bil bilen car ute outside sol sola sun rom rommet room vaer weather vann water"
    " bad bath dusj shower badstue sauna ovn ovnen oven stua".split()
)
YEAR_BEFORE = frozenset("i in fra from back tilbake".split())
NB_FUNCTION_WORDS = frozenset(
    "jeg ikke og det er har pa med meg min mitt hva hvis skal etter fra som av til seg hun han vi blir vaere noe"
    " litt veldig ogsa nar hvor hvordan kjenner foler fikk hadde".split()
)
EN_FUNCTION_WORDS = frozenset(
    "the and is my have has with not of it this that what if can since after been was are am feel me you on but do"
    " does get got had very".split()
)
# Words one typo away from a cue word that mean something else: never fuzzy-matched or split.
PROTECTED = tuple(
    "synes syntes synd fewer smell smells smelling spell shell hover blink blend handel noter feberfri feberfritt "
    "smertefri symptomfri horse hosts host haste tried tries tires trust greater vital tipped tipping sizing piling balanced "
    "sweets tangling hearse meddled sodden flat trios "
    "nummer nummeret numre sanger vakker sjanger kamper kampene hater hatet haster hastet kjemi skepsis relasjon "
    "relasjoner relasjonen turist slapper sludd sluddet gater vinger dryppende drypper dryppet feberblemme "
    "feberblemmer singles single strike stoke dosing spain mellomblødning mellomblødninger panikkanfall "
    "snørr snørret snørra "
    "fyller fylle fylte fyllt "
    "influensavaksine influensavaksinen blodprøve blodprøven blodprøver sprøytebøtte sprøytebøtta kjøleskapet"
    .split()
)

CONTEXT_CUES += (
    # The writer says they are well: an illness at home is then the household member's (review §2.5.8).
    _C("ctx:self_exposure", "jeg|i|=me er|am|feel|føler|kjenner|feeling|=m fin|frisk|well|fine|good|bra|ok|okay"
       "|healthy|helt_fin|heilt_fin"),
    _C("ctx:self_exposure", "never|aldri|ikke|ikkje|not + had|hatt + chickenpox|vannkopper|skoldkopper|it|det"),
    _C("ctx:self_exposure", "catch|catching|smittet|smitta|smitte|bli_smittet|get_it|infected|contagious|smittsom*"),
    # ... in Norwegian word order after "selv"/"sjøl": "selv er jeg helt fin", "sjølv er eg frisk" (round 8).
    _C("ctx:self_exposure", "totally_fine|completely_fine|perfectly_fine|fine_myself|well_myself|helt_fin_selv"
       "|heilt_fin_sjølv|frisk_selv|frisk_sjølv"),
    _C("ctx:self_exposure", "er|=e|føler|kjenner jeg|eg|æ|meg + fin|frisk|bra|helt_fin|heilt_fin|=ok|i_form"),
    # Excluding phrases: what follows is excluded ("nowhere near my eyes", "ikke i nærheten av øyet").
    _C("ctx:exclude", "nowhere_near|not_near|not_close_to|far_from|away_from|ikke_i_nærheten|ikkje_i_nærleiken"
       "|langt_unna|langt_fra|langt_ifrå|ikke_ved|ikke_nær|bortsett_fra|ingenting_ved|ingenting_rundt|ingenting_nær"
       "|nothing_near|nothing_by|nothing_around|ikkje_ved|ikkje_nær"),
)

# Present now, in the middle of a story told in the past (symptoms.md "A story in the past tense can describe
# the present"): "now it does it all the time", "nå er det det samme på den andre siden", "no har det kome att".
NOW_WORDS = frozenset("na now today idag week uka uken veka".split())
NOW_AGAIN = frozenset(
    "same samme again igjen att tilbake back time tiden tida hele all other andre starting begynt returned worse verre"
    .split()
)

# The floor (symptoms.md "Floor: never silent"): a present change in the writer told in any words — feeling
# not right, out of sorts, a sense that is off — is at least routine, so that a nurse reads it.
_POSITIVE = ("bra|fin|fine|well|good|great|happy|glad|frisk|better|bedre|=ok|okay|normal|strong|sterk|rested|uthvilt"
             "|grei|greit|topp|super|energetic|opplagt|lucky|heldig|safe|trygg|relieved|lettet|ready|klar")
COMPLAINT_CUES += (
    _C("ctx:complaint", "@NOT feel|feeling|feels|føler|kjenner right|riktig|rett|myself|meg_selv|like_myself"
       "|som_meg_selv|normal|well|bra|good|=ok|okay|frisk|meg_bra|meg_frisk|meg_vel"),
    _C("ctx:complaint", "ute_av_form|out_of_sorts|off_form|i_ulage|ikke_helt_i_form|ikkje_heilt_i_form|ikke_meg_selv"
       "|not_myself|not_quite_right|not_right|off_today|feel_off|føles_feil"),
    _C("ctx:complaint", "surrer|surrar|snurrer|snurrar|går_rundt|spinning|buzzing|summing|susing|suser|blocked|tett"
       "|tette|tette_ører|muffled|dempet|dumpe|ringing|piping_i_øret|fullness|trykk|pressure|press|sug|suget|knot"
       "|knute", unless="app|appen|skjema|form|nettside*|website|login|passord*|levering*"
       "|delivery|apotek*|pharmacy|=kø|queue|jobb*|=work|=order|resept*|prescription*|logg*|nese|nose|nesen|sinus*"),
    _C("ctx:complaint", "kjenner|føler|feel|feels|feeling|felt|kjennes|føles|merker|noticed|noticing + rar|rart|rare"
       "|weird|strange|odd|off|funny|annerledes|different|wrong|feil|unormal*|abnormal|unusual|uvanleg|uvanlig"
       "|ikke_som_før|not_as_before", unless=_POSITIVE),
)
# Exertion: breathless on the stairs (review §2.5.9); an eyelid and the words of its infection.
EXERTION = frozenset(
    "stairs trapp trappa trappene trapper climbing uphill hill hills bakke bakken bakker bakkar motbakke motbakker"
    " exercise exertion trening"
    " anstrengelse jogging running walking".split()
)
EYELID = frozenset("oyelokk oyelokket oyelokka oyelokkene eyelid eyelids augelok augeloket".split())
EYE_INFECTION = frozenset(
    "gorr puss pus infeksjon infeksjonen infection infected betent betennelse stye sty grynkorn oyekatarr conjunctivitis"
    .split()
)

# The floor: the writer's own body in any words ("my ear keeps popping", "magen min lager rare lyder").
COMPLAINT_CUES += (
    _C("ctx:complaint", "=my|=min|=mitt|=mine|=mi|=jeg|=i|=me|=meg + @LIMB|ansikt*|=face|kropp*|=body|=rygg|=ryggen"
       "|=mage|=magen|=belly|=tummy|=stomach|=bryst|=brystet|=chest|=hode|=hodet|=head|=hovud|=hovudet|=øre|=ører"
       "|=ørene|=ørane|=ear|=ears|=kjeve|=kjeven|=jaw|=øye|=øyne|=øynene|=eye|=eyes|=auge|=auga|=augo|=auger|=hud"
       "|=huden|=skin|=tenner|=teeth|=hjerte|=hjertet|=heart|=nesa|=nose|=negler|=nails|=tunge|=tunga|=tongue"
       "|=hals|=halsen|=throat", unless=_POSITIVE
       + "|@ADMIN|@INJ|stikk*|injected|injiser*|site|sted|stedet|log*|logg*|vaccine|vaksine|bilde|photo|picture|=cream"
"|krem|wash|vaske|vasker|=shave|barbere"),
)

COMPLAINT_CUES += (
    _C("ctx:complaint", "ikke_så_godt|ikke_så_bra|ikke_noe_godt|ikke_godt|not_so_good|not_too_good|not_great"
       "|not_doing_well|not_so_well|ikke_så_greit"),
)
