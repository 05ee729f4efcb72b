"""Patient words for the urgent neurological items: possible relapse or PML (clinical/symptoms.md; facts E2, E3, A1).

Relatives often notice these first (facts E2), so third-person wording counts the same. The
pattern language is described in `lexicon.py` and `../matching.py`.
"""

from __future__ import annotations

from webapp.domain.triage.data.lexicon import Cue

_C = Cue

NEURO_CUES: tuple[Cue, ...] = (
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
       "|verre|skjelven*|shaky|wobbly|ustø|crooked|skjev|scrawl*|spidery"),
    _C("clumsiness", "søler|sølte|spill|spilling|spilt|knocking|velter|veltet|bommer|bommet + ting|things|kaffe*|coffee"
       "|drinks|drink|glass|kopp*|cup|over|alt|everything|vann|water|mat|food"),
    _C("clumsiness", "rykk*|rykninger|twitch*|spasm*|spasme* + @LIMB|ansikt*|face|øyelokk*|eyelid*",
       unless="natt*|night|sleep*|sov|sovet|sovne*|asleep|falling|kramp*|cramp*"),  # jerks while falling asleep
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
    _C("vision_change", "slør|sløret|veil|film|hinne|curtain|gardin*|skygge|shadow|tåkeslør + øye*|eye|eyes|=øyne"
       "|=øynene|syn|synet|sight|vision"),
    _C("vision_change", "dark|mørk*|black|svart*|grey|grå|blank|blind + patch*|spot|spots|flekk*|area|område|shadow"
       "|skygge* + see|ser|vision|sight|synet|øye*|eye|eyes|midten|middle", scope="sentence"),
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
    _C("vision_change", "@CAN @NOT lese|read|reading|se|see", unless="=om|about|brosjyre*|leaflet*|=app|appen|=why|=point"
       "|hvorfor|kvifor|vitsen|grunn|reason|=how|hvordan|korleis|problem|problemet"
       "|=web|nettside*|skjerm*|screen|melding*|message*|your|din"),
    _C("vision_change", "vanskelig*|struggling|struggle|trouble|hard|problem*|vansker|sliter|strever + å|to|med|with"
       " lese|read|reading|leser|=se|see|seeing", unless="=om|about|brosjyre*|leaflet*|=app|appen|nettside*|handwriting"
       "|håndskrift*|instructions|bruksanvisning*"),
    _C("vision_change", "uklar*|uklart|blurry|blurred|tåkete|fuzzy|utydelig* + leser|lese|reading|read|leses|tekst*"
       "|text|avisa|newspaper|bok|book|skjerm*|screen"),
    _C("vision_change", "bokstav*|letters|ordene|words + hopper|danser|dance|jump|jumping|move|moving|swim|swimming"
       "|uklar*|blurry|flyter|floating"),
    _C("double_vision", "dobbeltsyn|dobbeltsynet|dobbelsyn|diplopi*|diplopia|double_vision|dobbelt_syn|dubble_vision"
       "|duble_vision|doubble_vision"),
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
    _C("speech_problems", "struggl*|trouble|hard|vansk*|problem*|sliter|strever + get|getting|få words|ord|ordene"
       " out|frem|fram"),
    _C("speech_problems", "sier|say|said|says|saying|bruker|use|using + feil_ord|wrong_word|wrong_words|feil_ordene"),
    _C("speech_problems", "blander|mix|mixing|mixes|bytter|swap* + ord|ordene|words|word"),
    _C("speech_problems", "ord|ordene|words|setninger|sentences|tekst*|text|teksten|page + @NOT gir|make|makes"
       " mening|sense"),
    _C("speech_problems", "@NOT forstå|forstår|understand|understanding + hva|what|ord*|words + leser|read|sier|say"
       "|says|said|sagt|snakker|folk|people"),
    _C("confusion", "forvirr*|confus*|desorient*|disorient*|muddled|omtåket|ørsken|forvirring|delirium|delirisk",
       unless="@ADMIN|dato*|date*|dates|schedule*|timing|instructions|bruksanvisning*|skjema*|form|system*|kalender*"
       "|calendar|=about|=over|=by|regning*|bill|faktura*|brev*|letter"),
    _C("confusion", "uklar|uklart|tåkete|tåket|rotete|foggy|fuzzy|cloudy|mushy|fog + hode*|head|brain"),
    _C("confusion", "put|putting|puttet|putter|satte|setter|la|legger|lagt|left + melk*|milk|nøkl*|keys|telefon*|phone"
       "|mobil*|sko|shoes|wallet|lommebok*|skoene|brødet|bread|smør*|butter|sokk*|sock* + ovn*|oven|kjøleskap*|fridge"
       "|fryser*|freezer|microwave|mikro*|oppvask*|dishwasher|vaskemaskin*|washing_machine|søppel*|bin|trash|=do"
       "|toilet|toalett*", scope="sentence"),
    _C("confusion", "gikk|går|gå meg|seg bort|vill|vilse"),
    _C("confusion", "got|get|getting|gets|keep_getting lost"),
    _C("confusion", "fant|finner|find|found|could|can @NOT|frem|fram veien|way|the_way hjem|home|back"),
    _C("confusion", "@NOT vet|visste|know|knew|knows|recognise*|recognize*|kjenner|kjente|kjente_igjen + hvor|where"
       "|hvem|who|what_day|hvilken_dag|me|meg|us|oss|his|her|own|familie*|family|barna|kids|children|kona|wife"
       "|husband|mannen", unless="@ADMIN|om|=if|whether|how|hvordan|hvorfor|why|when|når|hva|what"),
    _C("confusion", "vet|visste|know|knew|knows @NOT hvilken_dag|what_day|which_day|hvilket_år|what_year|hvor_jeg_er"
       "|hvor_jeg_var|where_i_am|where_i_was|hvem_jeg_er|who_i_am|hvor_han_er|where_he_is|where_she_is|hvor_hun_er"),
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
       "|samme_person", unless="@ADMIN|gi|gir|gått|gå|går|roe|roer|legge|legger"),  # "vil ikke gi seg": will not stop
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
    _C("numbness_tingling", "maur|asleep|sovner|sovnet|sover|dead|død|døde|dov + @LIMB", unless="natt*|night|sleep*"
       "|falling|sovne*|sovet|sengen|bed"),
    _C("numbness_tingling", "elektrisk*|electric*|støt|shocks|zaps"
       "|strøm|strømstøt*|strømninger|jolt|jolts"
       "|brennende|burning|brenner|isnende|iskald* + @LIMB|@BODY|spine|ryggrad*", unless="tiss*|urin*|@URINE"
       "|mage*|stomach|bryst*|chest|halsbrann|heartburn|injection*|sprøyt*|stikk*|@SITE|=sol|sun|sunburn|solbrent"
       "|hals|halsen|throat|øye*|eye*"),
    _C("numbness_tingling", "@NOT|lost|mistet|mista|mister|misser|reduced|less|mindre|redusert|nedsatt|rar|rart|weird|strange|odd"
       "|funny|merkelig* følelse*|feeling|sensation|følelsen + @LIMB|@BODY", unless="@ADMIN"),
    _C("numbness_tingling", "@CAN @NOT kjenne|kjenner|føle|føler|feel|feeling + @LIMB|@BODY|varme|heat|kulde|cold"
       "|temperatur*|temperature"),
    _C("numbness_tingling", "kjenner|føler|feel|felt ingenting|nothing + @LIMB|@BODY"),
    _C("numbness_tingling", "@LIMB + @NOT belong|belongs|tilhører|mine|min|mitt"),
    _C("numbness_tingling", "@LIMB + fremmed|fremmede|foreign|someone_else|noen_andres"),
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
       "|to_the_loo|to_the_bathroom", unless="diaré*|diarr*|diare|løs|loose|mage*|stomach|bowels|=runs"),
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
    _C("swallowing_new", "food|mat|maten|drink|drikke|drikken|water|vann|vannet|liquid* + down_the_wrong_way"
       "|wrong_way|wrong_pipe|feil_vei|ned_feil|feil_hals|i_vrangstrupen|vrangstrupen"),
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

# --- issue 11 §5: what the person can no longer do (symptoms.md "Function, not only symptom names"; facts E2) --
NEURO_CUES += (
    # Reading without understanding, money mistakes, bills paid twice: memory and thinking.
    _C("memory_thinking", "leser|lese|leste|les|read|reading|reads + skjønner|skjønar|forstår|understand|understanding"
       "|henger_med|take_in|absorb", scope="sentence"),
    _C("memory_thinking", "none|nothing|ingenting|lite + goes_in|sinks_in|sticks|går_inn|fester_seg|stays"),
    _C("memory_thinking", "read|reading|lese|leser + again_and_again|over_and_over|om_igjen|igjen_og_igjen"),
    _C("memory_thinking", "feil|mistakes|mistake|errors|error|wrong + vekslepenger*|penger|pengane|pengene|money"
       "|change|kassa|kassen|till|regning*|rekning*|bills|betaling*", scope="sentence"),
    _C("memory_thinking", "paid|betalte|betalt|betalte|betala + same|samme|twice|to_ganger|to_gonger|dobbelt|two_times"),
    _C("memory_thinking", "ting|tinga|things|nøklene|keys|lommebok*|wallet + rare_steder|odd_places|strange_places"
       "|weird_places|fryseren|freezer|kjøleskapet|fridge|ovnen|oven"),
    _C("memory_thinking", "gløymsk|glemsk|forgetful|gløymer|glemmer"),
    # Scraping the car on one side, walking into things on one side: a field of vision missing (facts E2).
    _C("vision_change", "skrapa|skrapet|skrapte|scraped|scrape|scraping|bulket|dented|clipped + bil*|car + side|sida"
       "|siden|venstre|høyre|left|right|passenger|driver", scope="sentence"),
    _C("vision_change", "mistet|mista|lost|borte|gone|forsvant|disappeared|svart|black + halve|half|halvparten|del"
       "|part + synsfelt*|sight|vision|see|ser|synet|øye*|eye", scope="sentence"),
    # A hobby the hands can no longer do, fingers that will not obey: clumsiness.
    _C("clumsiness", "@CAN @NOT strikke|knit|knitting|sy|sew|sewing|embroidery|brodere|hekle|crochet|tegne|draw"
       "|drawing|male|paint|painting|spille_gitar|spille_piano|play_the_piano|play_guitar|skrive|write|writing"),
    _C("clumsiness", "fingrene|fingre|fingers|hendene|hands|handa|hånda|hånden + gjør|gjer|do|does|will|vil|won @NOT"
       " som|what|obey|adlyder"),
    # Messages that make no sense: language, speech_problems.
    _C("speech_problems", "messages|message|texts|text|meldinger|meldingene|meldingane|sms + make_no_sense"
       "|no_sense|gibberish|nonsense|uforståelig*|gir_ikke_mening|ikke_mening|rare|rart|strange|weird|odd"),
    # Apathy and staring are a change of the person, not drowsiness (review §2.5.9): personality_change.
    _C("personality_change", "likegyldig|likegyldige|apatisk|apathetic|apathy|apati|initiativløs*|uninterested"),
    _C("personality_change", "sit|sits|sitter|sitting|sat|satt|just|berre|bare + stirer|stirar|stirrer|stare|stares"
       "|staring", unless="skjerm*|screen|tv|telefon*|phone|=pc|computer|mobil*|mobile|ipad|nettbrett*|tablet"),
    # A leg that drags: weakness of a limb.
    _C("limb_weakness", "drar|dro|dratt|dragged|drags|dragging|drag|slepte|sleper|slepar|slept|slepa + @LEG"),
    # Typos the keyboard rules do not reach.
    _C("numbness_tingling", "nummness|numness|nummnes|numbnes"),
    _C("double_vision", "seeing|see|seing|sees|ser dubble|dubbel|dobble"),
)

NEURO_CUES += (
    _C("clumsiness", "writing|handwriting|håndskrift*|handskrift*|skrift|skrifta|letters|bokstav* + smaller|mindre"
       "|messy|all_over_the_place|uleselig|uleseleg|illegible|shaky|skjelven*|tiny|bittesmå|rotete|krøllete"),
    _C("memory_thinking", "fant|finne|find|found|could @NOT veien|vei|the_way|my_way + hjem|heim|home|fram|frem|back"
       "|tilbake", scope="sentence"),
    _C("bladder_bowel_control", "holder|holde|hold|holdt|klarer_å_holde @NOT på avføring*|avføringa|urin*|urinen"
       "|tiss|tisset|bæsj|bowels|bladder|poo|pee|wee"),
    _C("bladder_bowel_control", "holder|holde|hold|holdt @NOT|ikke på avføring*|avføringa|urin*|urinen|tiss|bæsj"),
)

NEURO_CUES += (
    _C("memory_thinking", "@CAN @NOT holde|halde|følge|følgje|keep|follow tråden|the_thread|track|the_plot"),
    _C("numbness_tingling", "hanske|hansker|glove|gloves|vott|votter|votten + @ARM|@LEG|hånd|handa|hendene|hand"),
    _C("numbness_tingling", "kjenner|føler|feel|feels lite|little|less|mindre|nesten_ingenting|hardly_anything"
       " + @LIMB"),
)

NEURO_CUES += (
    _C("vision_change", "mistet|mista|miste|misser|lost|losing synet|syn|sight|vision|eyesight"),
    _C("memory_thinking", "@CAN @NOT regne|rekne|telle|count|calculate|work_out|figure_out|add_up"),
)

NEURO_CUES += (
    _C("speech_problems", "stammer|stammar|stamma|stammet|stutter|stuttering|stutters"),
    _C("speech_problems", "@CAN @NOT fram|frem|ut + det|orda|ordene|ord|words|seie|si|say|setningen|setninga",
       unless="bil*|car|pakke*|parcel|penger|money"),
    _C("bladder_bowel_control", "lekt|lak|lekte|lekka + @URINE|blære*|bladder|avføring*|bowel*"),
)

NEURO_CUES += (
    # Non-native English and dialect.
    _C("double_vision", "double|dobbel|dobbelt + seeing|see|sight|vision|ser|sjå|syn"),
    _C("speech_problems", "speak|speaking|talk|talking|snakker|prater + funny|strange|weird|odd|slurred|drunk|rart"
       "|=rar|full_of_food|full_munn", unless="@NOT|language|språk*|english|engelsk|norsk|norwegian"),
    _C("numbness_tingling", "@LIMB + sleeping|is_sleeping|are_sleeping|sover|søv|sovna|sovnet|falls_asleep",
       unless="natt*|night|bed|seng*"),
    _C("balance_walking", "@CAN @NOT gå|walk|walking rett|straight|beint|rett_fram|in_a_line"),
    _C("balance_walking", "dett|datt|faller|fell|falling|ramler|snubler|tripping + hele_tida|hele_tiden|heile_tida"
       "|all_the_time|stadig|ofte|often|=again_and_again|igjen_og_igjen"),
    _C("memory_thinking", "forget|forgets|forgetting|glemmer|gløymer + everything|alt|allting|alt_mulig"),
)

NEURO_CUES += (
    # Round 8: function told by what the person does (symptoms.md "Function, not only symptom names").
    _C("speech_problems", "skriver|skriv|skrev|skrevet|writing|write|wrote|typing|type|texting + feil_ord|wrong_words"
       "|wrong_word|feil_ordene|rare_ord|strange_words"),
    _C("bladder_bowel_control", "halde|holde|hold|holding + på|in vatnet|vannet|=water|=wee|tissen"),
)

NEURO_CUES += (
    # Round 9: lost on a road driven for years (symptoms.md "getting lost in a familiar place"); apathy told
    # as staring at the wall or not bothering with anything is a change of the person (review §2.5.9).
    _C("confusion", "kjørte|kjørt|kjører|kjørde|køyrde|køyrer|drove|driven|driving|gikk|gjekk|walked + seg_bort|seg_vill"
       "|meg_bort|meg_vill|lost|the_wrong_way|feil_vei|feil_veg"),
    _C("personality_change", "ser|stirrer|stirar|glor|glaner|stares|staring|looks|looking + i_veggen|på_veggen"
       "|i_veggane|at_the_wall|into_the_wall|at_the_walls"),
    _C("personality_change", "gidd|gidder|gider|gadd|bothers|bothered|bother + @NOT|noko|noe|nothing + lenger|lengre"
       "|anymore|any_more|med_noe|med_noko"),
)

NEURO_CUES += (
    # Round 10: "har vondt for å" is "finds it hard to" (not pain): swallowing, peeing (symptoms.md items).
    _C("swallowing_new", "vondt_for|vondt_for_å|vanskeleg|vanskar|strevar|strever + svelg*|svelgje|svelgja"),
    _C("swallowing_new", "set|sett|sette|setter + seg_fast|seg + mat*|food|halsen|hals", scope="sentence",
       unless="@PAIN|@SWELL|tablett*|pills|piller|bil*|car|snø|snow"),
    _C("bladder_bowel_control", "vondt_for|vondt_for_å|vanskeleg|vanskar + tisse|tissa|tisser|urinere|pee"),
    _C("bladder_bowel_control", "kjenner|kjenne|kjenn|merker|merke|feel|notice + @NOT + blæra|blæren|blære|bladder"
       " + full", scope="sentence"),
    # Messages that no longer make sense, words in the wrong order (symptoms.md "wrong words in messages").
    _C("speech_problems", "texts|messages|meldinger|meldingene|meldingar|meldingane|sms*|writing + dont_make_sense"
       "|make_no_sense|do_not_make_sense|gir_ikke_mening|gir_ikkje_meining|rare|strange|weird"
       "|uforståelig*|nonsense|gibberish|tull|vrøvl", scope="sentence"),
    _C("speech_problems", "words|ord|ordene|orda + wrong_order|feil_rekkefølge|feil_rekkjefølgje|mixed_up|jumbled"
       "|blanda|blandet|stokka|stokket"),
)

NEURO_CUES += (
    # Round 11: sight "uskarpt"; reading without taking it in; a PIN, the till and bills paid twice (symptoms.md
    # "Function, not only symptom names": reading without understanding, mistakes with money).
    _C("vision_change", "ser|see|seeing|sees|saw|såg + uskarp|uskarpt|uskarpe|unskarpt|ikke_skarpt|ikkje_skarpt"),
    _C("memory_thinking", "read|reading|leser|leste|lest|les + no_idea_what|ingen_anelse|aner_ikke|aner_ikkje"
       "|forstår_ikke|forstod_ikke|skjønner_ikke|skjønte_ikke|forstår_ikkje|skjønar_ikkje|skjøna_ikkje"
       "|dont_understand|didnt_understand|cant_remember|husker_ikke|nothing_sinks_in", scope="sentence"),
    _C("memory_thinking", "feil_pinkode|feil_pin|feil_kode|wrong_pin|wrong_pin_code|wrong_code + butikk*|kassa"
       "|kassen|shop|till|checkout|betale|pay|three_times|tre_ganger", scope="sentence"),
    _C("memory_thinking", "skjønte|skjønner|forstod|forstår|skjøna|understand|understood|work_out|figure_out @NOT"
       " tallene|numbers|pengene|money|the_change|vekslepenger*|prisen|the_price"),
    _C("memory_thinking", "@NOT skjønte|skjønner|forstod|forstår|understand|understood + tallene|numbers"
       "|pengene|money|the_change|vekslepenger*", scope="sentence"),
    _C("memory_thinking", "betale|betalt|betalte|betaler|paid|pay|paying + regning*|same_regning*|bills|bill"
       " + to_ganger|twice|dobbelt|two_times|double", scope="sentence"),
)

NEURO_CUES += (
    # Round 12: control of the bowel or bladder, a neighbourhood no longer found, e-mails that are gibberish.
    _C("bladder_bowel_control", "@NOT|mistet|mista|lost|losing|dårlig|poor + kontroll|kontrollen|control + avføring*"
       "|urin*|tiss*|blære*|blæra|bowel*|bladder|magen|tarm*", scope="sentence"),
    _C("confusion", "finn|finner|fant|finne|fann|find|finds|found @NOT fram|frem|way|veien|vegen + nabolag*|området"
       "|omradet|byen|sentrum|butikken|heime|hjemme|neighbourhood|neighborhood|eige|eget|own|street|gata|town",
       scope="sentence"),
    _C("confusion", "@NOT finn|finner|fant|finne|fann|find fram|frem + nabolag*|området|byen|sentrum|butikken|heime"
       "|hjemme|neighbourhood|neighborhood|eige|eget|own|street|gata|town", scope="sentence"),
    _C("speech_problems", "emails|email|mails|eposter|e_poster|e_postane|e_postene|letters + gibberish|nonsense|vrøvl"
       "|tull|dont_make_sense|make_no_sense|uforståelig*", scope="sentence"),
    _C("speech_problems", "typing|type|types|skriver|taster|tastar + wrong_letters|feil_bokstaver|feil_bokstavar"),
)

NEURO_CUES += (
    # Round 13: "vondt for å få fram orda", a kerb clipped on one side, an eye gone foggy (symptoms.md items).
    _C("speech_problems", "vondt_for|vanskeleg|vanskelig|trouble|hard|struggle|struggling + få_fram|få_frem|fram|frem"
       "|get_out + orda|ordene|ord|words", scope="sentence"),
    _C("vision_change", "clipping|clipped|clip|hitting|hit|scraping|scraped|bumping|bumped|skrapa|skrapet|traff"
       "|treffer|kjørte_på|kjører_på + kerb|curb|fortauskant*|kantstein*|stolpe*|lamppost|post|mirror|speil*"
       " + left|right|venstre|høyre|one_side|ene_sida|ene_siden", scope="sentence"),
    _C("vision_change", "øye|øyet|eye|eyes|synet|sight + foggy|misty|cloudy|blurry|blurred|tåkete|uklart|uskarpt"
       "|grumsete|tåkelagt|hazy", scope="sentence"),
)
