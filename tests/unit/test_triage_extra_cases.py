"""More patient messages than the 30 samples: how people really write, in both languages.

Written for NataHjem, different from clinical/triage_examples.tsv: typos, compounds, relatives,
negations, questions, old episodes, mixed languages. Each expects the level and the category
(`Assessment.category`, "none" for none) that clinical/symptoms.md gives.
"""

from __future__ import annotations

import pytest

from webapp.domain.triage import assess_text

E, U, R, N = "emergency", "urgent", "routine", "none"

CASES = [
    # --- emergencies ---------------------------------------------------------------------------------------
    ("nb", "Kona mi fikk krampeanfall for ti minutter siden, hun er fortsatt helt borte", E, "neuro"),
    ("nb", "leppene og tunga hovner opp, det klør over alt", E, "allergic"),
    ("nb", "Får nesten ikke puste og det piper i brystet etter sprøyta", E, "allergic"),
    ("en", "my throat feels tight and it's hard to swallow, started 20 min after the injection", E, "allergic"),
    ("nb", "Trykk midt i brystet som stråler ut i venstre arm", E, "general"),
    ("en", "crushing pain in my chest", E, "general"),
    ("nb", "Jeg besvimte på badet i morges", E, "general"),
    ("en", "I passed out in the kitchen and my husband found me on the floor", E, "general"),
    ("nb", "Munnen henger på venstre side og han får ikke frem ordene", E, "neuro"),
    ("en", "suddenly I can't move my right arm and my face looks droopy", E, "neuro"),
    ("nb", "Plutselig klarte jeg ikke å snakke, det kom helt brått", E, "neuro"),
    ("nb", "Verste hodepine jeg noen gang har hatt, kom som et lyn", E, "infection"),
    ("en", "Temp 39.4, terrible headache and I can't bend my neck", E, "infection"),
    ("nb", "Han er så døsig at vi nesten ikke får vekket ham", E, "neuro"),
    ("en", "My wife is very drowsy and isn't responding normally", E, "neuro"),
    ("nb", "Feber på 39 og han er helt forvirret", E, "infection"),
    # --- urgent neuro -----------------------------------------------------------------------------------------
    ("nb", "venstre bein er svakere enn før og jeg drar på foten når jeg går", U, "neuro"),
    ("nb", "Nummenhet i venstre hånd siden mandag, blir verre for hver dag", U, "neuro"),
    ("en", "pins and needles in both feet for four days now", U, "neuro"),
    ("nb", "Prikkinger i fingertuppene og klarer ikke kneppe knapper", U, "neuro"),
    ("en", "I keep dropping my coffee cup, my right hand won't do what I tell it", U, "neuro"),
    ("nb", "Ustø når jeg går, må holde meg i veggen", U, "neuro"),
    ("en", "fell twice this week, my balance is all over the place", U, "neuro"),
    ("nb", "Synet på venstre øye er tåkete og det gjør vondt når jeg beveger øyet", U, "neuro"),
    ("en", "It's like looking through frosted glass with my left eye", U, "neuro"),
    ("nb", "jeg ser dobbel når jeg ser til siden", U, "neuro"),
    ("nb", "dobbelsyn siden i går kveld", U, "neuro"),
    ("en", "seeing two of everything when I look at the TV", U, "neuro"),
    ("nb", "Mannen min sier jeg snakker utydelig og blander ord", U, "neuro"),
    ("en", "I open my mouth and the wrong words come out", U, "neuro"),
    ("nb", "Glemmer ting hele tiden, fant nøklene i kjøleskapet i går", U, "neuro"),
    ("en", "my memory is shocking lately, I can't follow a conversation", U, "neuro"),
    ("nb", "Kollegaene mine sier jeg har forandret meg, jeg blir så lett sint", U, "neuro"),
    ("en", "my daughter noticed I've become very irritable and not myself", U, "neuro"),
    ("nb", "Har tisset på meg to ganger denne uka, det har aldri skjedd før", U, "neuro"),
    ("en", "Can't hold my bladder anymore, new since last week", U, "neuro"),
    ("nb", "Maten setter seg fast når jeg svelger, det er nytt", U, "neuro"),
    ("nb", "Tror jeg har et attakk, beina er mye tyngre enn vanlig i tre dager", U, "neuro"),
    ("en", "my MS symptoms have been clearly worse for a few days", U, "neuro"),
    ("nb", "numen i ansiktet på høyre side", U, "neuro"),
    ("nb", "Føles som maur som kryper i beina", U, "neuro"),
    ("en", "my left side feels weak and heavy", U, "neuro"),
    ("nb", "jeg er så forvirra, vet ikke hvilken dag det er", U, "neuro"),
    ("en", "Since yesterday the letters on my phone jump around when I read", U, "neuro"),
    ("nb", "Svimmel i to døgn nå", U, "general"),
    # --- urgent infection, liver, bleeding, allergic, general -------------------------------------------------
    ("en", "running a temperature of 38.6 since last night", U, "infection"),
    ("nb", "har hatt 38,2 i feber i to dager og hoster", U, "infection"),
    ("en", "temp is 101.5F and I'm achy all over", U, "infection"),
    ("nb", "Det svir når jeg tisser og jeg har vondt i siden av ryggen", U, "infection"),
    ("en", "burning when I pee and I've got a fever", U, "infection"),
    ("nb", "Fått et smertefullt utslett med små blemmer på den ene siden av brystet", U, "infection"),
    ("nb", "Jeg har fått sår med blemmer rundt øyet", U, "infection"),
    ("en", "Painful red eye and my sight in that eye is blurry", U, "infection"),
    ("nb", "Diaré i fire dager, klarer nesten ikke å holde meg unna do", U, "infection"),
    ("en", "really bad diarrhoea since Saturday", U, "infection"),
    ("nb", "Føler meg helt elendig, frysninger og skjelving hele natta", U, "infection"),
    ("nb", "Det hvite i øynene er gulaktig", U, "liver"),
    ("en", "my pee is dark brown like cola", U, "liver"),
    ("nb", "Vondt øverst i magen på høyre side og kaster opp", U, "liver"),
    ("nb", "Neseblod flere ganger denne uka og det er vanskelig å stoppe", U, "bleeding"),
    ("en", "tiny red dots on my shins that weren't there before", U, "bleeding"),
    ("nb", "tannkjøttet blør hver gang jeg pusser tennene", U, "bleeding"),
    ("en", "covered in hives, arms, back and stomach", U, "allergic"),
    ("nb", "Kløe og rødme i ansiktet en halvtime etter dosen", U, "allergic"),
    ("en", "got the chills about an hour after I injected", U, "allergic"),
    ("nb", "Stort varmt og hovent område der jeg stakk i låret, rødmen sprer seg", U, "injection_site"),
    ("en", "the injection spot is swollen, hot and oozing", U, "injection_site"),
    ("nb", "Positiv graviditetstest i dag!", U, "general"),
    ("en", "We're trying for a baby", U, "general"),
    ("nb", "Mensen er tre uker forsinket", U, "general"),
    ("nb", "Fastlegen har satt meg på prednisolon for astmaen", U, "general"),
    ("en", "I started methotrexate for my arthritis last week", U, "general"),
    ("nb", "Jeg orker ikke mer og har tenkt på å ta livet mitt", U, "general"),
    ("en", "Sometimes I think everyone would be better off without me, I've had thoughts of ending my life", U, "general"),
    ("nb", "Litt kvalm og svimmel rett etter sprøyta i dag", U, "general"),
    ("nb", "Hodepinen blir verre for hver dag", U, "general"),
    # --- routine ------------------------------------------------------------------------------------------------
    ("nb", "Litt sårt og rødt der jeg satte sprøyten", R, "injection_site"),
    ("en", "small bruise where I injected yesterday", R, "injection_site"),
    ("nb", "Vanlig hodepine i dag, tok en paracet", R, "general"),
    ("en", "headache this afternoon, nothing unusual", R, "general"),
    ("nb", "Helt utslitt etter jobb denne uka", R, "general"),
    ("en", "knees and hips ache a bit this week", R, "general"),
    ("nb", "Løs mage i dag", R, "general"),
    ("en", "a bit queasy this morning", R, "general"),
    ("nb", "ble litt ør i hodet da jeg reiste meg fort", R, "general"),
    ("nb", "Forkjølet, tett nese og sår hals, ikke feber", R, "infection"),
    ("en", "I have a cold, sore throat and runny nose, temp 37.2", R, "infection"),
    ("nb", "Det svir litt når jeg tisser, ingen feber", R, "infection"),
    ("en", "cold sore on my lip again", R, "infection"),
    ("nb", "Føler meg nedfor og trist for tiden", R, "general"),
    ("en", "my periods have become irregular", R, "general"),
    ("nb", "MS-trøttheten er som den pleier, ingenting nytt", R, "neuro"),
    ("en", "my old numbness in the left foot is unchanged", R, "neuro"),
    ("nb", "Beina blir litt tunge når det er varmt, men går over når jeg kjøler meg ned", R, "neuro"),
    ("nb", "Sprøytene lå ute på benken hele natta", R, "general"),
    ("en", "I left my syringes in the car on a hot day, are they still OK?", R, "general"),
    ("nb", "Kjøleskapet viste 14 grader i morges", R, "general"),
    ("nb", "Vondt i en tann og kjeven", R, "general"),
    ("en", "I've got a ringing in my ears", R, "general"),
    ("nb", "sikkert ingenting, men jeg har hatt litt rar følelse i tåa", U, "neuro"),
    # --- negation, questions, old episodes: nothing new ----------------------------------------------------
    ("nb", "Ingen feber, ingen hodepine, ingen utslett. Alt gikk fint", N, "none"),
    ("en", "no fever, cough or rash, all good", N, "none"),
    ("nb", "har ikke merket noen nummenhet eller svakhet", N, "none"),
    ("en", "I didn't have any trouble breathing this time", N, "none"),
    ("nb", "Hva skal jeg gjøre hvis jeg får feber før neste dose?", N, "none"),
    ("en", "What are the signs of PML I should look out for?", N, "none"),
    ("en", "If my vision gets blurry, should I call you or go to A&E?", N, "none"),
    ("nb", "Kan Tysabri gi hodepine?", N, "none"),
    ("nb", "Hadde dobbeltsyn under attakket i 2019, ikke noe siden", N, "none"),
    ("en", "I had shingles years ago, can I still have the vaccine?", N, "none"),
    ("nb", "Feberen jeg hadde forrige uke er helt borte nå", N, "none"),
    ("nb", "Dose tatt, alt vel", N, "none"),
    ("en", "Logged both syringes, left and right thigh", N, "none"),
    ("nb", "Apoteket har ikke fått inn sprøytene mine, hva gjør jeg?", N, "none"),
    ("en", "Can I travel to Spain with my syringes in hand luggage?", N, "none"),
    ("nb", "Jeg glemte å logge dosen i går, kan jeg gjøre det nå?", N, "none"),
    ("en", "When is my next JCV blood test due?", N, "none"),
    ("nb", "Kjøleskapet holder 4 grader som det skal", N, "none"),
    # --- mixed and hard ----------------------------------------------------------------------------------------
    ("nb", "Jeg har double vision siden i går", U, "neuro"),
    ("en", "Ingen feber but my left arm is numb", U, "neuro"),
    ("nb", "Ikke tungpusten, men ansiktet er hovent etter dosen", E, "allergic"),
    ("en", "no rash or itching, but I feel very unwell and shivery", U, "infection"),
    ("nb", "vet ikke om det er noe, men ser litt uklart på det ene øyet", U, "neuro"),
    ("en", "probably nothing but my hand has been tingling for a week", U, "neuro"),
    ("nb", "Er det normalt at armen min er nummen etter sprøyta?", U, "neuro"),
    ("en", "is it normal to feel this dizzy for three days?", U, "general"),
    ("nb", "Nummenheten fra forrige attakk er som før, men nå ser jeg dobbelt", U, "neuro"),
    ("nb", "Fikk feber i går kveld, 38,4, nå 37,6", U, "infection"),
    ("nb", "temp 37,5 og litt slapp", R, "general"),
    ("nb", "svimmmel og kvalm", R, "general"),
    ("en", "my hubby says I've been talking nonsense since this morning", U, "neuro"),
]


@pytest.mark.parametrize(("lang", "text", "level", "category"), CASES, ids=[c[1][:50] for c in CASES])
def test_patient_message_gets_the_expected_level_and_category(lang, text, level, category):
    result = assess_text(text, lang)
    assert (result.level.value, result.category) == (level, category), result.reasons


def test_there_are_more_than_eighty_extra_cases_in_both_languages():
    assert len(CASES) > 80
    assert {lang for lang, *_ in CASES} == {"nb", "en"}
    assert len({text for _, text, *_ in CASES}) == len(CASES)
