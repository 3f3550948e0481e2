"""Build gold.jsonl for the third held-out dev set (tests/devset3) from the article files, and its
dev.jsonl (articles 01-06) / holdout.jsonl (articles 07-10) splits.

Ten invented articles, each in its own house style: « » with a plain space, a no-break space
(U+00A0), a narrow no-break space (U+202F) or no space at all; curly “ ”; straight " "; nested
“ ” or ‹ › inside « »; typographic ’ or plain ' apostrophes.

Each annotation names its span by its exact words (quotation marks and the spaces just inside them
excluded); offsets are found with str.find on the file text read as UTF-8 with newline=''.
Finding is done on a folded copy (typographic apostrophes, no-break spaces and curly quotes mapped
one-for-one to plain characters, so offsets are unchanged); the stored "text" is the original slice.
A needle must occur exactly once, unless `after` names an anchor (itself unique): then the first
occurrence after the end of the anchor.
A quote split by an incise is two spans; a quote running over two paragraphs is one span (with the
paragraph break and the reopening mark inside it), optional as in devset2; a quote nested in another
one is annotated too (optional, or as a non-quote when it is a title or a word cited as a word).
Run: python tests/devset3/make_gold.py   (writes tests/devset3/{gold,dev,holdout}.jsonl and checks every span)
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # tests/, for gold_builder
from gold_builder import N, Q, build  # noqa: E402

DEV = ("01", "02", "03", "04", "05", "06")
HOLDOUT = ("07", "08", "09", "10")


ANN = {}

# 01 — regional sports daily, football press conference before a match ------------------------
KERBRAT = ["l'entraîneur du FC Plouvénec", "il", "Stéphane Kerbrat-Lemoine", "le technicien de 47 ans",
           "son entraîneur", "Kerbrat-Lemoine", "l'entraîneur finistérien", "l'ancien défenseur de Guingamp"]
R_KER = "entraîneur du FC Plouvénec"
PENNEC = ["le capitaine Jérémy Pennec", "Jérémy Pennec", "le milieu de terrain"]
DUMONT = ["Patrice Dumont-Aubrac", "l'entraîneur castelbrunois", "il"]
LEFLOCH = ["Gwenaël Le Floc'h", "le président du club"]
ANN["01_conference_football"] = dict(quotes=[
    Q("un match d'hommes", "Stéphane Kerbrat-Lemoine", KERBRAT, None, "réclame", optional=True,
      after="Kerbrat-Lemoine réclame"),
    Q("pas le droit de trembler", "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER, "a-t-il prévenu"),
    Q("On sait tous ce que représente ce match. Castelbrune, c'est la meilleure équipe du championnat, la plus "
      "régulière, celle qui encaisse le moins. Mais on les a accrochés à l'aller et on sera chez nous",
      "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER, "a rappelé"),
    # an expression he refuses: his word or the journalist's?
    Q("match de la peur", "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER, "refuse en revanche de parler de",
      optional=True),
    Q("Ce qu'il faut samedi, c'est un match d'hommes. Pas un match de calculatrice.", "Stéphane Kerbrat-Lemoine",
      KERBRAT, R_KER, None),
    # split by an incise: two spans
    Q("Trois absents, ça fait mal, je ne vais pas vous mentir", "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER,
      "a reconnu"),
    Q("Mais ceux qui vont entrer, je les vois à l'entraînement tous les jours. Ils sont prêts.",
      "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER, "a reconnu"),
    Q("Il a une tête bien faite et il n'a peur de rien. Je ne lui demanderai pas de jouer comme Le Goff, je lui "
      "demanderai de jouer comme Quéré", "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER, "a glissé"),
    Q("Vous la découvrirez samedi à 17 heures, comme tout le monde.", "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER,
      "botter en touche"),
    Q("digéré", "Jérémy Pennec", PENNEC, "capitaine", "Selon"),
    Q("On a eu une explication entre nous dimanche. Des choses ont été dites, c'est resté dans le vestiaire et "
      "c'est très bien comme ça.", "Jérémy Pennec", PENNEC, "capitaine", None),
    Q("équipe piège, très difficile à manœuvrer chez elle", "Patrice Dumont-Aubrac", DUMONT,
      "entraîneur castelbrunois", "a qualifié Plouvénec d'"),
    Q("C'est gentil. Mais je préférerais qu'il dise ça après le match.", "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER,
      "a accueilli avec un sourire en coin"),
    Q("du jamais-vu depuis la montée en 2019", "Gwenaël Le Floc'h", LEFLOCH, "président du club", "D'après"),
    Q("Le Chaudron, quand il pousse, ça vaut un joueur de plus. J'invite tout le monde à venir, même ceux qui nous "
      "ont sifflés il y a quinze jours", "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER, "a lancé"),
    Q("Ce n'est pas le sujet. Le sujet, c'est Castelbrune.", "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER,
      "a balayé la question"),
    Q("Et prenez vos écharpes, il va faire froid samedi.", "Stéphane Kerbrat-Lemoine", KERBRAT, R_KER, None),
], non_quotes=[N("le Chaudron"), N("Goélands"), N("Plouvénec jusqu'au bout")])

# 02 — Assemblée nationale, first reading of a bill ----------------------------------------------------
CORBIERE = ["la ministre du Travail et de l'Emploi", "Nadège Corbière", "elle", "la ministre", "Mme Corbière"]
R_COR = "ministre du Travail et de l'Emploi"
LAVIGERIE = ["Henri de La Vigerie", "l'élu angevin", "M. de La Vigerie"]
R_LAV = "député Les Républicains du Maine-et-Loire"
BELKACEM = ["Samia Belkacem-Rossi", "la députée insoumise", "elle"]
R_BEL = "députée La France insoumise de Seine-Saint-Denis"
AUDOUIN = ["Baptiste Audouin-Ravel", "Le rapporteur du texte", "lui", "M. Audouin-Ravel"]
MARCHETTI = ["Léa Marchetti", "La ministre déléguée chargée du Numérique", "Elle"]
ANN["02_assemblee_livreurs"] = dict(quotes=[
    Q("Ce texte ne fait la guerre à personne. Il dit simplement qu'un livreur qui travaille cinquante heures par "
      "semaine pour la même application n'est pas un entrepreneur. C'est un salarié qui s'ignore", "Nadège Corbière",
      CORBIERE, R_COR, "a-t-elle lancé"),
    Q("texte idéologique", "Henri de La Vigerie", LAVIGERIE, R_LAV, "a immédiatement dénoncé un"),
    Q("va tuer un secteur qui fonctionne", "Henri de La Vigerie", LAVIGERIE, R_LAV, "a immédiatement dénoncé"),
    Q("Vous allez mettre au chômage des milliers de jeunes qui ont choisi cette liberté. Demandez-leur, madame la "
      "ministre : ils ne veulent pas de votre salariat !", "Henri de La Vigerie", LAVIGERIE, R_LAV, "a tonné"),
    Q("Menteur !", None, [], None, "a-t-on crié", optional=True),
    Q("Mes chers collègues, seul M. de La Vigerie a la parole. Je vous demande un peu de tenue.",
      "Odile Fremont-Sarrazin", ["Odile Fremont-Sarrazin", "La présidente de séance"], "présidente de séance",
      "a dû rappeler l'hémicycle à l'ordre"),
    Q("une coquille vide", "Samia Belkacem-Rossi", BELKACEM, R_BEL, "a affirmé que"),
    Q("devant des tribunaux engorgés, avec des armées d'avocats", "Samia Belkacem-Rossi", BELKACEM, R_BEL,
      "a affirmé que"),
    Q("Le gouvernement découvre l'eau tiède. Cela fait six ans que nous déposons cet amendement, et six ans que "
      "vous le rejetez", "Samia Belkacem-Rossi", BELKACEM, R_BEL, "a poursuivi"),
    Q("Et vous, vous avez voté quoi en 2019 ?", None, ["un député Renaissance"], None, "l'a interrompue",
      optional=True),
    Q("solide", "Baptiste Audouin-Ravel", AUDOUIN, "rapporteur du texte", "Selon"),
    Q("conforme à la directive européenne adoptée l'an dernier", "Baptiste Audouin-Ravel", AUDOUIN,
      "rapporteur du texte", "Selon"),
    Q("Nous ne partons pas d'une page blanche. Nous transposons, nous précisons, nous sécurisons",
      "Baptiste Audouin-Ravel", AUDOUIN, "rapporteur du texte", "a résumé"),
    Q("d'ici la deuxième lecture", "Baptiste Audouin-Ravel", AUDOUIN, "rapporteur du texte",
      "a toutefois concédé que"),
    Q("Un algorithme qui vous déconnecte sans explication, c'est un licenciement sans entretien préalable. Nous "
      "allons y mettre fin.", "Léa Marchetti", MARCHETTI, "ministre déléguée chargée du Numérique",
      "est venue en renfort"),
    Q("chantage", "Léa Marchetti", MARCHETTI, "ministre déléguée chargée du Numérique", "a qualifié de"),
    Q("Je ne retirerai pas l'article 3. Ni ce soir ni demain", "Nadège Corbière", CORBIERE, R_COR,
      "a-t-elle tranché"),
    Q("contradictions", "Nadège Corbière", CORBIERE, R_COR, "a renvoyé ses opposants à leurs"),
    Q("Vous défendez la valeur travail le matin et le travail sans droits le soir.", "Nadège Corbière", CORBIERE,
      R_COR, "a renvoyé ses opposants"),
], non_quotes=[N("Dernier kilomètre"), N("ubérisation"), N("amendement Coursier")])

# 03 — agricultural protest in front of the préfecture ---------------------------------------------------
LAFITTE = ["Jean-Marc Lafitte-Dubarry", "Le céréalier de 54 ans", "le syndicaliste"]
R_LAF = "président de la FDSEA de Lot-et-Garonne"
BOUVIER = ["Sandrine Bouvier-Castaing", "elle"]
R_BOU = "porte-parole départementale de la Coordination rurale"
MAURIN = ["Thibault Maurin", "le jeune éleveur laitier"]
PREFET = ["le préfet de Lot-et-Garonne", "Olivier Desaix-Reynaud", "le représentant de l'État", "il"]
R_PRE = "préfet de Lot-et-Garonne"
ANN["03_manif_agricole"] = dict(quotes=[
    Q("On n'est pas là pour casser, on est là pour se faire entendre", "Jean-Marc Lafitte-Dubarry", LAFITTE, R_LAF,
      "prévient"),
    Q("Mais si on ne nous écoute pas aujourd'hui, on reviendra. Et on sera deux fois plus nombreux.",
      "Jean-Marc Lafitte-Dubarry", LAFITTE, R_LAF, "prévient"),
    Q("en dessous des coûts de production depuis deux campagnes", "Jean-Marc Lafitte-Dubarry", LAFITTE, R_LAF,
      "énumère les griefs"),
    Q("descentes de police", "Jean-Marc Lafitte-Dubarry", LAFITTE, R_LAF, "énumère les griefs"),
    Q("pondues par des gens qui n'ont jamais vu une vache de près", "Jean-Marc Lafitte-Dubarry", LAFITTE, R_LAF,
      "énumère les griefs"),
    Q("plus profonde que celle de l'an dernier", "Sandrine Bouvier-Castaing", BOUVIER, R_BOU, "Pour"),
    Q("L'an dernier, on nous a fait des promesses. On a eu des circulaires, des numéros verts, des cellules "
      "d'écoute. Les agriculteurs n'ont pas besoin qu'on les écoute, ils ont besoin qu'on les paie",
      "Sandrine Bouvier-Castaing", BOUVIER, R_BOU, "tranche-t-elle"),
    # quote continued over two paragraphs: one optional span
    Q("Mon mari est parti travailler à l'usine l'hiver dernier, pour qu'on puisse garder la ferme. Moi, je fais les "
      "deux journées, la sienne et la mienne. Le soir, je remplis les dossiers de la PAC jusqu'à minuit.\n\n« Alors "
      "quand j'entends à la télé qu'on est des pollueurs, j'ai envie de pleurer. Mes canards, ils sont dehors toute "
      "l'année. Qui peut en dire autant ?", "Mireille", ["Mireille", "Elle"], "éleveuse de canards près de Nérac",
      "parle doucement", optional=True),
    Q("génération sacrifiée", "Thibault Maurin", MAURIN, "président des Jeunes Agriculteurs du département",
      "parle d'une"),
    Q("Qui va reprendre ? Moi, je me suis installé avec 400 000 euros de dettes. Dans ma promo de BTS, la moitié a "
      "déjà arrêté", "Thibault Maurin", MAURIN, "président des Jeunes Agriculteurs du département", "souligne"),
    Q("francs mais constructifs", "Olivier Desaix-Reynaud", PREFET, R_PRE, "a salué des échanges"),
    Q("une cellule de simplification administrative opérationnelle dès le mois prochain", "Olivier Desaix-Reynaud",
      PREFET, R_PRE, "promis"),
    # split by an incise: two spans
    Q("J'entends la détresse, et je ne suis pas là pour opposer l'environnement et l'agriculture",
      "Olivier Desaix-Reynaud", PREFET, R_PRE, "a-t-il déclaré"),
    Q("Je suis là pour trouver des solutions, dossier par dossier.", "Olivier Desaix-Reynaud", PREFET, R_PRE,
      "a-t-il déclaré"),
    Q("très insuffisante", "Jean-Marc Lafitte-Dubarry", LAFITTE, R_LAF, "jugée"),
    Q("Une cellule de plus. On nous prend vraiment pour des idiots", "Jean-Marc Lafitte-Dubarry", LAFITTE, R_LAF,
      "a lâché"),
    Q("sera facturé aux organisations syndicales", "préfecture", ["la préfecture"], None, "Selon"),
    Q("avant les semis de printemps", None, ["Les manifestants"], None, "ont promis de revenir", optional=True),
], non_quotes=[N("paperasse"), N("Pas de paysans, pas de pain"), N("Nos fermes ne sont pas des musées")])

# 04 — start-up fundraising; the company speaks too -------------------------------------------------------
TESS = ["Tessellia", "La jeune pousse lyonnaise", "la start-up", "l'entreprise", "la société"]
FERRAND = ["Maëlys Ferrand-Obadia", "la dirigeante de 36 ans", "elle", "Mme Ferrand-Obadia", "sa fondatrice",
           "Sa dirigeante", "la cheffe d'entreprise"]
R_FER = "cofondatrice et directrice générale de Tessellia"
MONTGAZON = ["Pierre-Louis de Montgazon", "lui"]
BOUZID = ["Inès Bouzid", "elle", "l'analyste"]
ANN["04_startup_levee"] = dict(quotes=[
    Q("doubler ses effectifs d'ici dix-huit mois", "Tessellia", TESS, None, "dit vouloir"),
    Q("s'imposer comme le standard européen de la maintenance prédictive", "Tessellia", TESS, None, "dit vouloir"),
    Q("Nous avons passé quatre ans à apprendre aux machines à écouter les éoliennes. Aujourd'hui, nous savons repérer "
      "une fissure sur un roulement six semaines avant qu'il ne lâche", "Maëlys Ferrand-Obadia", FERRAND, R_FER,
      "explique"),
    Q("Cet argent va servir à deux choses : recruter et traverser l'Atlantique.", "Maëlys Ferrand-Obadia", FERRAND,
      R_FER, None),
    Q("un relais de croissance évident", "Maëlys Ferrand-Obadia", FERRAND, R_FER, "selon elle"),
    Q("On ne va pas se mentir, c'est là-bas que se trouvent les volumes", "Maëlys Ferrand-Obadia", FERRAND, R_FER,
      "reconnaît"),
    Q("Mais notre cœur restera à Lyon. Toute la R&D reste ici.", "Maëlys Ferrand-Obadia", FERRAND, R_FER,
      "avant d'ajouter"),
    # the fund as a collective voice ("on parle d'un"): optional
    Q("pari sur la durée", "Alderan Capital", ["Alderan Capital"], None, "on parle d'un", optional=True),
    Q("Nous avons regardé une trentaine de dossiers dans l'IA industrielle cette année. Tessellia est la seule à avoir "
      "des clients qui renouvellent à 100 %", "Pierre-Louis de Montgazon", MONTGAZON, "associé chez Alderan Capital",
      "assure"),
    Q("exigeante mais justifiée", "Pierre-Louis de Montgazon", MONTGAZON, "associé chez Alderan Capital", "Pour"),
    Q("une passe difficile", "Inès Bouzid", BOUZID, "analyste chez Kestrel Research", "rappelle que"),
    Q("Les turbiniers développent leurs propres outils de diagnostic. Tessellia devra prouver qu'elle apporte quelque "
      "chose que les géants du secteur ne savent pas faire en interne", "Inès Bouzid", BOUZID,
      "analyste chez Kestrel Research", "estime-t-elle"),
    Q("a deux ans, pas plus", "Inès Bouzid", BOUZID, "analyste chez Kestrel Research", "D'après"),
    Q("à l'équilibre opérationnel dès 2026", "Tessellia", TESS, None, "assure être"),
    Q("Ils vendent des turbines. Nous, nous vendons des heures de fonctionnement. Ce n'est pas le même métier.",
      "Maëlys Ferrand-Obadia", FERRAND, R_FER, "balaie la comparaison"),
    Q("On cherche quarante ingénieurs en science des données. Si vous en connaissez, envoyez-les-nous",
      "Maëlys Ferrand-Obadia", FERRAND, R_FER, "plaisante"),
], non_quotes=[N("hiver"), N("Vigie"), N("Doctolib des éoliennes")])

# 05 — faits divers: robbery, procureure, gendarmerie, anonymous witnesses --------------------------------
MASSONI = ["la procureure de la République de Périgueux", "Claire Massoni-Delattre", "la magistrate", "elle",
           "la procureure"]
R_MAS = "procureure de la République de Périgueux"
ROUSSEL = ["le commandant Yves-Marie Roussel", "Yves-Marie Roussel", "L'officier"]
R_ROU = "chef de la compagnie de gendarmerie de Ribérac"
LACOMBE = ["le maire", "Didier Lacombe-Vergnes", "L'édile"]
ANN["05_braquage_tabac"] = dict(quotes=[
    Q("Les deux individus étaient armés d'une batte de baseball. La violence des coups est sans commune mesure avec "
      "le butin", "Claire Massoni-Delattre", MASSONI, R_MAS, "a déclaré"),
    Q("environ 1 800 euros en numéraire", "Claire Massoni-Delattre", MASSONI, R_MAS, "Selon elle"),
    Q("J'ai entendu crier, puis un bruit de verre. Quand je suis sorti, j'ai vu une voiture grise partir en trombe "
      "vers la départementale", None, ["un voisin"], None, "raconte", optional=True),
    Q("deux types qui tournaient autour de la place, capuche sur la tête", None, ["Une cliente", "elle"], None,
      "dit avoir remarqué", optional=True),
    Q("Je me suis dit qu'ils attendaient quelqu'un. Si j'avais su...", None, ["Une cliente", "elle"], None,
      "souffle-t-elle", optional=True),
    Q("Les suspects ont refusé d'obtempérer et ont tenté de forcer le barrage. Un militaire a dû se jeter dans le "
      "fossé pour les éviter", "Yves-Marie Roussel", ROUSSEL, R_ROU, "a précisé"),
    Q("la réactivité exemplaire", "Yves-Marie Roussel", ROUSSEL, R_ROU, "salue"),
    Q("En moins d'une demi-heure, tout le secteur était bouclé.", "Yves-Marie Roussel", ROUSSEL, R_ROU, "salue"),
    Q("Ils contestent pour l'instant toute implication, mais les éléments matériels recueillis sont nombreux",
      "Claire Massoni-Delattre", MASSONI, R_MAS, "a ajouté"),
    Q("Ici, tout le monde connaît Patrick. C'est le dernier commerce du bourg, le seul endroit où les anciens se "
      "retrouvent le matin", "Didier Lacombe-Vergnes", LACOMBE, "maire", "confie"),
    Q("traumatisme", "Didier Lacombe-Vergnes", LACOMBE, "maire", "parle d'un", after="qui parle d'un"),
    Q("On ne se sentait déjà plus trop en sécurité le soir. Là, c'est fini", None,
      ["une habitante qui a requis l'anonymat"], None, "lâche", optional=True),
], non_quotes=[N("Le Balto"), N("Pitbull"), N("vol avec arme en réunion"), N("refus d'obtempérer aggravé"),
               N("Courage Patrick, on t'attend")])

# 06 — cultural magazine: book review, film adaptation, author interview --------------------------------------
OYONO = ["Bérénice Oyono-Lacaze", "la romancière bordelaise", "la Bordelaise", "La romancière de 48 ans", "elle",
         "Elle", "l'intéressée", "Bérénice", "L'autrice", "l'écrivaine"]
R_OYO = "romancière bordelaise"
DELCOURT = ["Arnaud Delcourt-Myers", "Le cinéaste Arnaud Delcourt-Myers", "Le réalisateur", "il", "Arnaud"]
ANN["06_critique_roman"] = dict(quotes=[
    # a sentence of the novel, quoted by the critic: written by the author, but not said to the journalist
    Q("Il y a des maisons qui se souviennent mieux que leurs habitants", "Bérénice Oyono-Lacaze", OYONO, R_OYO,
      "écrit", optional=True),
    Q("Ma grand-mère disait toujours : “On ne répare pas, on reprise.” J'ai mis quinze ans à comprendre ce qu'elle "
      "voulait dire", "Bérénice Oyono-Lacaze", OYONO, R_OYO, "sourit-elle"),
    Q("On ne répare pas, on reprise.", None, ["Ma grand-mère"], None, "disait", optional=True),
    Q("Le livre, c'est ça : une reprise. Je n'invente pas des personnages, je raccommode des trous.",
      "Bérénice Oyono-Lacaze", OYONO, R_OYO, None),
    Q("Tout est vrai et rien n'est exact", "Bérénice Oyono-Lacaze", OYONO, R_OYO, "résume"),
    Q("livre impossible à filmer, donc irrésistible", "Arnaud Delcourt-Myers", DELCOURT, "cinéaste", "parle d'un"),
    Q("Bérénice m'a laissé une liberté totale. Elle m'a juste demandé de ne pas faire pleurer les gens pour rien",
      "Arnaud Delcourt-Myers", DELCOURT, "cinéaste", "confie-t-il"),
    Q("Quand Arnaud m'a appelée pour me parler de “Heures creuses”, j'ai cru qu'il se trompait de numéro. Je lui ai "
      "dit qu'il était fou, que tout se passait dans la tête des personnages", "Bérénice Oyono-Lacaze", OYONO, R_OYO,
      "raconte"),
    Q("n'est pas [son] livre, et c'est très bien ainsi", "Bérénice Oyono-Lacaze", OYONO, R_OYO, "Pour"),
    Q("Les Esteban m'ont assez occupée. Je les laisse tranquilles", "Bérénice Oyono-Lacaze", OYONO, R_OYO,
      "conclut-elle"),
], non_quotes=[N("Les Heures creuses", after="Avec"), N("La Nuit des sémaphores"), N("Petit traité de l'absence"),
               N("roman de famille"), N("autofiction"), N("la Sentinelle"), N("Les Enfants du sel"),
               N("Heures creuses", after="un long-métrage,"), N("Heures creuses", after="pour me parler de"),
               N("Les Heures creuses", after="avant de filer sous la pluie.")])

# 07 — international crisis: ministries, UN envoy, organisations as speakers ---------------------------------
ONU = ["Les Nations unies", "l'ONU"]
QUAI = ["le Quai d'Orsay", "le ministère de l'Europe et des Affaires étrangères"]
KERHERVE = ["la porte-parole du ministère", "Anne-Laure Kerhervé", "elle", "La diplomate"]
R_KERH = "porte-parole du ministère"
ALCANTARA = ["le représentant spécial du secrétaire général pour Haïti", "Rodrigo Alcántara Vial",
             "le Chilien Rodrigo Alcántara Vial", "il", "L'émissaire", "le diplomate"]
R_ALC = "représentant spécial du secrétaire général pour Haïti"
LAFONTANT = ["le porte-parole du gouvernement haïtien", "Jean-Robert Lafontant", "il"]
R_LAFO = "porte-parole du gouvernement haïtien"
DEPT = ["Washington", "département d'État américain"]
MARCHAL = ["l'ambassadeur de France", "Hugues Marchal-Diouf", "lui", "il"]
ANN["07_haiti_evacuation"] = dict(quotes=[
    Q("hors de contrôle", "ONU", ONU, None, "décrivent une situation"),
    Q("qui en ont fait la demande", "Quai d'Orsay", QUAI, None, "précisant que"),
    Q("La sécurité de nos compatriotes est notre priorité absolue. D'autres rotations sont prévues dans les prochains "
      "jours si les conditions le permettent", "Quai d'Orsay", QUAI, None, "a ajouté"),
    Q("particulièrement complexe à monter", "Anne-Laure Kerhervé", KERHERVE, R_KERH, "a reconnu que"),
    Q("Les routes entre la capitale et le nord du pays sont tenues par des groupes armés. Nous avons dû négocier "
      "chaque convoi, parfois heure par heure", "Anne-Laure Kerhervé", KERHERVE, R_KERH, "a-t-elle expliqué"),
    Q("se signaler sans délai", "Anne-Laure Kerhervé", KERHERVE, R_KERH, "a appelé"),
    Q("en l'espace de sept jours", "ONU", ONU, None, "Selon"),
    Q("pire crise humanitaire depuis le séisme de 2010", "Rodrigo Alcántara Vial", ALCANTARA, R_ALC,
      "a qualifié la situation de"),
    Q("Des enfants meurent de faim à vingt minutes de l'aéroport. Les hôpitaux n'ont plus de carburant pour faire "
      "tourner leurs générateurs. Nous ne pouvons plus attendre", "Rodrigo Alcántara Vial", ALCANTARA, R_ALC,
      "a-t-il martelé"),
    # split by an incise: two spans
    Q("Il faut un corridor humanitaire", "Rodrigo Alcántara Vial", ALCANTARA, R_ALC, "a insisté"),
    Q("et il le faut maintenant, pas dans trois semaines.", "Rodrigo Alcántara Vial", ALCANTARA, R_ALC, "a insisté"),
    Q("organisations terroristes", "Jean-Robert Lafontant", LAFONTANT, R_LAFO, "qu'il qualifie d'"),
    Q("L'État haïtien ne discute pas avec ceux qui brûlent les écoles et violent les femmes", "Jean-Robert Lafontant",
      LAFONTANT, R_LAFO, "a-t-il affirmé"),
    Q("aucun convoi ne passera sans un accord, même tacite, avec les chefs de bande", None, ["plusieurs diplomates"],
      None, "reconnaissent qu'", optional=True),
    Q("ne pas déposer les armes", "Wilson Jean-Baptiste", ["le chef de la coalition", "Wilson Jean-Baptiste",
      "Ti Makak"], "chef de la coalition", "a promis de"),
    Q("profondément préoccupé", "département d'État américain", DEPT, None, "s'est dit"),
    Q("moyens supplémentaires", "département d'État américain", DEPT, None, "annonce l'envoi de"),
    Q("ne pas détourner le regard", "Hugues Marchal-Diouf", MARCHAL, "ambassadeur de France",
      "a exhorté la communauté internationale à"),
    Q("manque cruellement de moyens comme de mandat", "Hugues Marchal-Diouf", MARCHAL, "ambassadeur de France",
      "D'après"),
    Q("Paris est prêt à augmenter sa contribution. Encore faut-il que d'autres suivent", "Hugues Marchal-Diouf",
      MARCHAL, "ambassadeur de France", "a-t-il ajouté"),
], non_quotes=[N("Lame Ginen"), N("Ti Makak"), N("de la dernière chance")])

# 08 — floods: mayor, firefighters' spokeswoman, residents, prefect ------------------------------------------
PELLEGRIN = ["Gérard Pellegrin-Sabatier", "le maire de Montbazac-sur-Doulonne", "Le maire", "l'élu", "il", "Il"]
R_PEL = "maire de Montbazac-sur-Doulonne"
VIDAL = ["la commandante Karine Vidal-Etchegaray", "Karine Vidal-Etchegaray", "L'officière"]
R_VID = "porte-parole du service départemental d'incendie et de secours"
ARNAUD = ["la préfète de Tarn-et-Garonne", "Sophie Arnaud-Benhamou", "elle", "la préfète"]
R_ARN = "préfète de Tarn-et-Garonne"
ANN["08_crue_doulonne"] = dict(quotes=[
    Q("l'eau est montée en vingt minutes", "Gérard Pellegrin-Sabatier", PELLEGRIN, None, None, optional=True),
    Q("l'équivalent de deux mois de précipitations", "Météo-France", ["Météo-France"], None, "Selon"),
    Q("L'eau est montée en vingt minutes. À 2 heures du matin, on avait un mètre dans la Grand-Rue. Je suis maire "
      "depuis dix-neuf ans, je n'ai jamais vu ça", "Gérard Pellegrin-Sabatier", PELLEGRIN, R_PEL, "témoigne"),
    Q("Nos équipes ont travaillé dans des conditions extrêmement difficiles, de nuit, avec un courant très fort. "
      "Certaines personnes ont refusé de quitter leur domicile, ce qui a compliqué les opérations",
      "Karine Vidal-Etchegaray", VIDAL, R_VID, "a expliqué"),
    Q("ne surtout pas s'aventurer sur les routes inondées", "Karine Vidal-Etchegaray", VIDAL, R_VID,
      "a appelé la population à"),
    Q("une voiture flotte à partir de trente centimètres d'eau", "Karine Vidal-Etchegaray", VIDAL, R_VID,
      "rappelant qu'"),
    Q("Mon voisin a tambouriné à la porte en criant ‹ Montez, montez ! ›. J'ai juste eu le temps d'attraper le chat "
      "et les photos de mon mari", "Josiane Carrère", ["Josiane Carrère", "la retraitée"], None, "raconte"),
    Q("Montez, montez !", None, ["Mon voisin"], None, "en criant", optional=True),
    # quote continued over two paragraphs: one optional span
    Q("Le four est noyé, la chambre froide aussi. Trente ans de travail de mes parents, et maintenant le mien, sous "
      "un mètre de boue. Je ne sais même pas par où commencer.\n\n« Mais vous savez quoi ? À 6 heures, il y avait "
      "déjà des gens devant la boutique avec des seaux et des raclettes. Personne ne les avait appelés. C'est ça, "
      "Montbazac.", "Mehdi Ouali", ["Mehdi Ouali", "Il"], "boulanger dans la Grand-Rue", "soupire", optional=True),
    Q("C'est la troisième crue en sept ans. On nous parle de phénomène exceptionnel, mais quand l'exceptionnel revient "
      "tous les deux ans, ça s'appelle la norme", "Gérard Pellegrin-Sabatier", PELLEGRIN, R_PEL, "fulmine"),
    Q("mille-feuille administratif", "Gérard Pellegrin-Sabatier", PELLEGRIN, R_PEL, "dénonce un"),
    Q("accélérée au maximum", "Sophie Arnaud-Benhamou", ARNAUD, R_ARN, "a promis que"),
    Q("L'État sera au rendez-vous. Les dossiers des sinistrés seront instruits en priorité", "Sophie Arnaud-Benhamou",
      ARNAUD, R_ARN, "a-t-elle assuré"),
    Q("une concertation avec l'ensemble des communes du bassin versant", "Sophie Arnaud-Benhamou", ARNAUD, R_ARN,
      "a renvoyé à"),
    Q("Une concertation... Ça fait cinq ans qu'on se concerte", None, ["un retraité venu écouter la préfète"], None,
      "grince", optional=True),
], non_quotes=[N("la Tranquille"), N("centennale")])

# 09 — long-form portrait of a chef (no Q&A) -----------------------------------------------------------------
ANAIS = ["Anaïs Berthelot-Kaddour", "la cheffe qui cuisine", "la cheffe de « L'Orme blanc »", "elle", "Elle",
         "la cheffe de 39 ans", "l'intéressée", "Anaïs", "la jeune femme", "la cuisinière", "Berthelot-Kaddour",
         "la cheffe"]
R_ANA = "cheffe de « L'Orme blanc »"
KADDOUR = ["Fatima Kaddour", "Sa mère", "la septuagénaire"]
DUCROS = ["Jean-Paul Ducros-Vialle", "Ducros-Vialle", "le chef, aujourd'hui retraité dans le Luberon",
          "celui qui la surnommait alors"]
MICHELIN = ["le Guide Michelin", "Le guide rouge"]
ANN["09_portrait_cheffe"] = dict(quotes=[
    Q("à hauteur d'enfant", "Anaïs Berthelot-Kaddour", ANAIS, None, None, optional=True,
      after="la cheffe qui cuisine"),
    Q("Pas assez. Toujours pas assez", "Anaïs Berthelot-Kaddour", ANAIS, R_ANA, "murmure-t-elle"),
    Q("Vous voulez un café ? On a le temps, le pain n'est pas encore sorti.", "Anaïs Berthelot-Kaddour", ANAIS, R_ANA,
      "sourit"),
    Q("une cuisine vibrante, enracinée dans le Tarn et ouverte sur la Méditerranée", "Guide Michelin", MICHELIN, None,
      "a salué"),
    Q("Une étoile, c'est une photo. Ce qui compte, c'est le film.", "Anaïs Berthelot-Kaddour", ANAIS, R_ANA,
      "hausse les épaules"),
    Q("Le vendredi, ma mère faisait la chorba pour tout l'immeuble. Moi, je coupais les légumes debout sur un "
      "tabouret. J'avais six ans", "Anaïs Berthelot-Kaddour", ANAIS, R_ANA, "raconte-t-elle"),
    Q("l'essentiel : on cuisine toujours pour quelqu'un", "Anaïs Berthelot-Kaddour", ANAIS, R_ANA, "assure"),
    Q("têtue comme une mule et curieuse de tout", "Fatima Kaddour", KADDOUR, "mère", "se souvient d'une enfant"),
    Q("Anaïs goûtait tout, même ce qu'il ne fallait pas. Un jour, elle a croqué un piment cru pour voir. Elle a "
      "pleuré une heure, et le lendemain elle a recommencé", "Fatima Kaddour", KADDOUR, "mère", "rit"),
    Q("Ducros-Vialle m'a appris la rigueur. Il m'a aussi appris ce que je ne voulais pas devenir",
      "Anaïs Berthelot-Kaddour", ANAIS, R_ANA, "lâche-t-elle"),
    Q("Elle avait raison, j'étais un tyran. Elle a compris avant moi qu'on peut être exigeant sans humilier les gens",
      "Jean-Paul Ducros-Vialle", DUCROS, "chef", "reconnaît"),
    Q("Quand la cheffe n'est pas contente, elle se tait. Et croyez-moi, c'est bien pire.", "Kenji Moreau-Takahashi",
      ["Kenji Moreau-Takahashi", "Son second"], "second", "confirme"),
    Q("raconte toute [sa] vie en trois bouchées", "Anaïs Berthelot-Kaddour", ANAIS, R_ANA, "D'après"),
    Q("Est-ce qu'on dit d'un homme qu'il fait de la cuisine masculine ? Je fais de la cuisine, point",
      "Anaïs Berthelot-Kaddour", ANAIS, R_ANA, "tranche"),
    Q("pas un manifeste, juste du bon sens", "Anaïs Berthelot-Kaddour", ANAIS, R_ANA, "Pour elle"),
    Q("pas un objectif", "Anaïs Berthelot-Kaddour", ANAIS, R_ANA, "À l'en croire"),
    Q("Dans dix ans, je veux que 80 % de ce qu'on sert pousse à moins de dix kilomètres.", "Anaïs Berthelot-Kaddour",
      ANAIS, R_ANA, None),
    Q("Je cuisine à hauteur d'enfant. Je veux que les gens retrouvent le goût des choses qu'on mange pour la première "
      "fois.", "Anaïs Berthelot-Kaddour", ANAIS, R_ANA, None),
], non_quotes=[N("L'Orme blanc", after="Étoilée en mars"), N("la Sauterelle"),
               N("Agneau de lait, pois chiche et fleur d'oranger"), N("cuisine féminine")])

# 10 — economy: inflation, central bank governor, economists, INSEE as a source -------------------------------
INSEE = ["l'Insee", "L'Institut national de la statistique et des études économiques", "l'institut"]
COURVALAIN = ["Le gouverneur de la Banque de France", "Laurent de Courvalain", "il", "M. de Courvalain"]
R_COU = "gouverneur de la Banque de France"
NKOULOU = ["Marie-Hélène Nkoulou", "elle", "L'économiste"]
R_NKO = "économiste chez Ostrea Conseil"
FERRACCI = ["Julien Ferracci", "Il", "lui", "le chercheur"]
R_FERR = "directeur du département analyse et prévision de l'OFCE"
ANN["10_inflation"] = dict(quotes=[
    Q("l'épisode inflationniste", "Laurent de Courvalain", COURVALAIN, R_COU, "y voit la fin de"),
    Q("principalement au repli des prix de l'énergie", "Institut national de la statistique et des études "
      "économiques", INSEE, None, "a indiqué"),
    Q("stables", "Institut national de la statistique et des études économiques", INSEE, None, "précise"),
    Q("Le gros de l'effort est derrière nous. Nous devrions repasser sous la barre des 2 % dès le début de l'année "
      "prochaine", "Laurent de Courvalain", COURVALAIN, R_COU, "a-t-il affirmé"),
    Q("Nous ne crierons pas “victoire” tant que l'inflation sous-jacente n'aura pas suivi le même chemin.",
      "Laurent de Courvalain", COURVALAIN, R_COU, "se gardant de tout triomphalisme"),
    Q("marges de manœuvre", "Laurent de Courvalain", COURVALAIN, R_COU, "a estimé que"),
    # split by an incise: two spans
    Q("Il ne faut pas confondre prudence et immobilisme", "Laurent de Courvalain", COURVALAIN, R_COU,
      "a-t-il souligné"),
    Q("Maintenir les taux trop hauts trop longtemps aurait un coût pour l'emploi et l'investissement.",
      "Laurent de Courvalain", COURVALAIN, R_COU, "a-t-il souligné"),
    Q("a changé de visage plus qu'elle n'a disparu", "Marie-Hélène Nkoulou", NKOULOU, R_NKO, "Pour elle"),
    Q("Les ménages ne regardent pas l'indice de l'Insee, ils regardent leur ticket de caisse. Et sur le ticket de "
      "caisse, les prix de 2022 ne sont jamais redescendus", "Marie-Hélène Nkoulou", NKOULOU, R_NKO,
      "explique-t-elle"),
    Q("choc de niveau", "Marie-Hélène Nkoulou", NKOULOU, R_NKO, "parle d'un"),
    Q("ne retrouveront leur niveau d'avant-crise qu'à la fin de 2025, au mieux", "Julien Ferracci", FERRACCI, R_FERR,
      "D'après"),
    Q("trompe-l'œil", "Julien Ferracci", FERRACCI, R_FERR, "a qualifié de"),
    Q("Les loyers et les assurances continuent de grimper. Ce sont des dépenses contraintes, on ne peut pas y "
      "échapper", "Julien Ferracci", FERRACCI, R_FERR, "insiste"),
    # the ministry as an impersonal voice ("À Bercy, on se félicite"): optional
    Q("revenue dans les clous", "Bercy", ["Bercy"], None, "on se félicite", optional=True),
    Q("rester vigilant", "Bercy", ["Bercy"], None, "en promettant de", optional=True),
    Q("Le sentiment d'appauvrissement est durable, même quand les chiffres s'améliorent. C'est tout le paradoxe de "
      "la désinflation", "Marie-Hélène Nkoulou", NKOULOU, R_NKO, "conclut"),
], non_quotes=[N("victoire"), N("shrinkflation"), N("quoi qu'il en coûte")])


if __name__ == "__main__":
    build(pathlib.Path(__file__).resolve().parent, ANN, DEV, HOLDOUT)
