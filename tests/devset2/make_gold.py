"""Build gold.jsonl for the second held-out dev set (tests/devset2) from the article files.

Each annotation names its span by its exact words (quotation marks and the spaces just inside them
excluded); offsets are found with str.find on the file text read as UTF-8 with newline=''.
Finding is done on a folded copy (typographic apostrophes, no-break spaces and curly quotes mapped
one-for-one to plain characters, so offsets are unchanged); the stored "text" is the original slice.
A needle must occur exactly once, unless `after` names an anchor (itself unique): then the first
occurrence after the end of the anchor.
Run: python tests/devset2/make_gold.py   (writes tests/devset2/{gold,dev,holdout}.jsonl and checks every span)
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # tests/, for gold_builder
from gold_builder import N, Q, build  # noqa: E402

DEV = ("01", "02", "03", "04", "05")
HOLDOUT = ("06", "07", "08")


ANN = {}

# 01 — regional daily, municipal council row --------------------------------------------------
ESTRABAUT = ["Corinne Estrabaut", "l'opposition", "l'élue", "Mme Estrabaut", "L'élue", "elle"]
LABARTHE = ["Francis Labarthe", "le maire", "il", "Il"]
PUJOLLE = ["Thierry Pujolle", "M. Pujolle"]
R_EST = "cheffe de file du groupe d'opposition Montbrézac Autrement"
ANN["01_conseil_municipal"] = dict(quotes=[
    Q("On nous a menti", "Corinne Estrabaut", ESTRABAUT, None, "accuse", optional=True, after="Piscine de"),
    Q("remettre les choses à plat", "Francis Labarthe", LABARTHE, "maire", "a tenu à"),
    Q("La piscine perd 180 000 euros par an et le bassin fuit de partout. Je ne vais pas faire payer aux "
      "Montbrézacais une remise aux normes à deux millions", "Francis Labarthe", LABARTHE, "maire", "a-t-il martelé"),
    Q("On nous a menti. En 2020, vous promettiez une rénovation, aujourd'hui vous nous servez une fermeture. "
      "C'est une trahison pour les familles qui n'ont pas les moyens de partir en vacances",
      "Corinne Estrabaut", ESTRABAUT, R_EST, "a lancé"),
    Q("surenchère démagogique", "Thierry Pujolle", PUJOLLE, "adjoint aux finances", "a qualifié la démarche de l'opposition de"),
    Q("inacceptables", "Corinne Estrabaut", ESTRABAUT, R_EST, "jugés par"),
    Q("Je n'ai insulté personne", "Thierry Pujolle", PUJOLLE, "adjoint aux finances", "s'est défendu"),
    Q("J'ai simplement rappelé que la commune n'a pas un sou de côté.", "Thierry Pujolle", PUJOLLE,
      "adjoint aux finances", "s'est défendu"),
    # quote continued over two paragraphs: one optional span
    Q("Ce bassin, c'est là que nos enfants apprennent à nager. Le plus proche est à vingt-cinq kilomètres, et il "
      "n'y a pas de bus le dimanche.\n\n« Qu'on ne vienne pas nous parler de transition écologique si on oblige "
      "tout le monde à prendre la voiture !", "Maryse Calvignac", ["Maryse Calvignac"],
      "présidente du collectif « Sauvons la piscine »", "ne décolère pas", optional=True),
    Q("Il n'y aura pas de retour en arrière.", "Francis Labarthe", LABARTHE, "maire", "a prévenu"),
    Q("avec un car gratuit deux fois par semaine", "Francis Labarthe", LABARTHE, "maire", "promet"),
    Q("du bricolage", "Corinne Estrabaut", ESTRABAUT, R_EST, "Selon"),
    Q("soit un habitant sur trois", "Corinne Estrabaut", ESTRABAUT, R_EST, "fait-elle remarquer"),
    Q("Le Département peut aider à l'investissement, pas au fonctionnement. C'est à la commune de trancher",
      "Gilles Armengaud", ["Gilles Armengaud", "il"], "conseiller départemental du canton", "a-t-il simplement glissé"),
    Q("encore plus nombreux", "collectif Sauvons la piscine", ["le collectif"], None, "a promis de revenir",
      optional=True),
], non_quotes=[N("Pas touche à notre piscine !"), N("Sauvons la piscine"), N("la baignoire")])

# 02 — long-form magazine piece, paediatric emergency ward ------------------------------------
GUERIDON = ["Anne-Sophie Guéridon", "la cheffe du service", "La cheffe de service", "Elle", "la cheffe de service",
            "l'intéressée"]
R_GUE = "cheffe du service des urgences pédiatriques du CHU de Rochebrune"
DIALLO = ["Fatou Diallo-Mercier", "Elle", "elle"]
SABLIER = ["Laurent Sablier", "Il", "Le directeur", "il"]
R_SAB = "directeur général du CHU"
LARTIGAU = ["Véronique Lartigau", "Sa déléguée"]
ANN["02_hopital"] = dict(quotes=[
    Q("on tient avec des bouts de ficelle", None, [], None, None, optional=True),
    Q("Ici, on ne manque pas de bonne volonté. On manque de bras, de lits et de sommeil", "Anne-Sophie Guéridon",
      GUERIDON, R_GUE, "résume"),
    Q("Le pire, ce n'est pas la fatigue", "Fatou Diallo-Mercier", DIALLO, "infirmière de nuit", "souffle-t-elle"),
    Q("C'est de rentrer chez soi en se demandant si on n'a rien oublié.", "Fatou Diallo-Mercier", DIALLO,
      "infirmière de nuit", "souffle-t-elle"),
    Q("équation impossible", "Anne-Sophie Guéridon", GUERIDON, R_GUE, "parle d'une"),
    Q("plans d'urgence qui se succèdent sans rien changer", "Anne-Sophie Guéridon", GUERIDON, R_GUE,
      "ne cache pas son agacement face aux"),
    Q("Une maman m'a pris la main et m'a dit ‹ Docteur, vous êtes notre dernier recours. › J'avais vingt-six ans. "
      "Je suis sorti pleurer dans l'escalier", "Mathias Oberlé", ["Mathias Oberlé", "il"],
      "interne de dernière année", "raconte-t-il"),
    Q("Docteur, vous êtes notre dernier recours.", None, ["Une maman"], None, "m'a dit", optional=True),
    Q("Nous avons ouvert huit postes d'infirmiers cette année. Nous n'en avons pourvu que trois. Je ne peux pas "
      "inventer des soignants.", "Laurent Sablier", SABLIER, R_SAB, "assume"),
    Q("Le service tient, et il tient bien", "Laurent Sablier", SABLIER, R_SAB, "insiste-t-il"),
    Q("Il tient parce que les équipes se sacrifient. Ce n'est pas un modèle, c'est un sursis", "Anne-Sophie Guéridon",
      GUERIDON, R_GUE, "tranche"),
    Q("hors-sol", "Véronique Lartigau", LARTIGAU, "déléguée", "dénonce une direction"),
    Q("On nous parle sans arrêt de \"réorganisation\", mais sur le terrain, personne ne voit la différence.",
      "Véronique Lartigau", LARTIGAU, "déléguée", "dénonce"),
    Q("réorganisation", None, [], None, "nous parle de", optional=True),
    Q("montée en charge", "Laurent Sablier", SABLIER, R_SAB, "promet une"),
    Q("C'est un engagement ferme, pas une promesse de campagne", "Laurent Sablier", SABLIER, R_SAB, "jure-t-il"),
    Q("Demain, je reviens. Parce que si on part tous, qui restera pour eux ?", "Fatou Diallo-Mercier", DIALLO,
      "infirmière de nuit", "lâche"),
], non_quotes=[N("le couloir des courants d'air")])

# 03 — rugby match report ------------------------------------------------------------------------
DUTILH = ["Pascal Dutilh", "le manager montaudranais", "son homologue", "Le manager", "il"]
R_DUT = "manager montaudranais"
LARROUY = ["Romain Larrouy", "Titi", "Larrouy"]
VAKALOA = ["Sione Vakaloa", "le talonneur tongien", "il"]
HARIS = ["Baptiste Harismendy", "Le troisième-ligne"]
SOUBIRAN = ["Kévin Soubiran", "il"]
R_SOU = "ouvreur bérignacais"
ANN["03_rugby"] = dict(quotes=[
    Q("On a été nuls pendant quarante minutes. Il n'y a pas d'autre mot", "Pascal Dutilh", DUTILH, R_DUT, "admettait"),
    Q("Pas grand-chose", "Romain Larrouy", LARROUY, "demi de mêlée", "sourit"),
    Q("Le coach nous a juste demandé si on voulait rentrer chez nous avec la honte.", "Romain Larrouy", LARROUY,
      "demi de mêlée", "sourit"),
    Q("Je n'ai rien vu, j'avais trois mecs sur le dos", "Sione Vakaloa", VAKALOA, "talonneur", "rigolait-il"),
    Q("Quand j'ai entendu le public, j'ai compris.", "Sione Vakaloa", VAKALOA, "talonneur", "rigolait-il"),
    Q("ne vaut que s'il est confirmé à Vilmont dans quinze jours", "Baptiste Harismendy", HARIS, "capitaine", "Pour"),
    Q("On a montré du caractère, c'est bien. Mais on a encore laissé trop de points en route en première période.",
      "Baptiste Harismendy", HARIS, "capitaine", "refusait de s'enflammer"),
    Q("Sur le dernier maul, il y a un écroulement flagrant de leur côté. Je ne suis pas là pour pleurer, mais "
      "qu'on m'explique.", "Hervé Campistron", ["Hervé Campistron"], "entraîneur de Bérignac", "pointait l'arbitrage"),
    Q("déplacée", "Pascal Dutilh", DUTILH, R_DUT, "jugée par"),
    Q("Quand on perd, on regarde d'abord ses propres erreurs", "Pascal Dutilh", DUTILH, R_DUT, "a rétorqué"),
    Q("qu'on n'aurait jamais dû perdre", "Kévin Soubiran", SOUBIRAN, R_SOU, "parlait d'un match"),
    Q("On les avait dans la main", "Kévin Soubiran", SOUBIRAN, R_SOU, "lâchait-il"),
    Q("On s'est endormis, et à ce niveau-là, ça ne pardonne pas.", "Kévin Soubiran", SOUBIRAN, R_SOU, "lâchait-il"),
    Q("C'est un peu cliché, je sais", "Pascal Dutilh", DUTILH, R_DUT, "s'amusait-il"),
], non_quotes=[N("Mon-tau-dran !"), N("Titi"), N("le Frigo"), N("Jamais morts"), N("Les Guerriers du Béarn")])

# 04 — business: merger, organisation speakers ---------------------------------------------------
DIRECTION = ["La direction d'Hestiane", "direction"]
GROUPE = ["le groupe", "Le groupe Hestiane"]
INTERSYND = ["l'intersyndicale des Cartonneries du Lys", "l'intersyndicale"]
DELORME = ["Marc-Antoine Delorme"]
FOURCADE = ["Nadine Fourcade"]
MARSOLLIER = ["Étienne Marsollier", "il"]
ANN["04_fusion"] = dict(quotes=[
    Q("zéro licenciement sec", "direction d'Hestiane", DIRECTION, None, "promet"),
    Q("Cette opération nous donne la taille critique pour affronter les géants nord-européens", "Marc-Antoine Delorme",
      DELORME, "PDG d'Hestiane", "a déclaré"),
    Q("Nous ne rachetons pas des usines, nous rachetons un savoir-faire.", "Marc-Antoine Delorme", DELORME,
      "PDG d'Hestiane", "a déclaré"),
    Q("n'entraînera aucune fermeture de site à horizon 2028", "groupe Hestiane", GROUPE, None, "assure que"),
    Q("synergies", "groupe Hestiane", GROUPE, None, "évoque des", optional=True, after="et évoque des"),
    Q("dans les achats et la logistique", "groupe Hestiane", GROUPE, None, "évoque"),
    Q("Quarante-cinq millions de synergies, on sait ce que ça veut dire : ce sont des postes en moins",
      "intersyndicale des Cartonneries du Lys", INTERSYND, None, "a réagi"),
    Q("La direction nous jure la main sur le cœur qu'il n'y aura pas de casse", "Nadine Fourcade", FOURCADE,
      "porte-parole de l'intersyndicale", "explique"),
    Q("Très bien. Alors qu'elle l'écrive noir sur blanc dans un accord de méthode.", "Nadine Fourcade", FOURCADE,
      "porte-parole de l'intersyndicale", "explique"),
    Q("Il n'y aura aucun licenciement sec, c'est un engagement du conseil d'administration", "direction d'Hestiane",
      DIRECTION, None, "répète-t-on", optional=True),
    Q("des mobilités internes seront proposées", "direction d'Hestiane", DIRECTION, None, "admet", optional=True),
    Q("suivre avec la plus grande vigilance", "Bercy", ["Bercy"], None, "a indiqué"),
    Q("ne transigera pas sur le maintien de l'outil industriel dans les Hauts-de-France", "Bercy", ["Bercy"], None,
      "a rappelé que"),
    Q("élevé mais cohérent", "Étienne Marsollier", MARSOLLIER, "analyste chez Kermadec Finance", "Pour"),
    Q("Hestiane paie une prime de contrôle de 30 %. Les marchés vont attendre de voir les synergies se matérialiser "
      "avant d'applaudir", "Étienne Marsollier", MARSOLLIER, "analyste chez Kermadec Finance", "ajoute-t-il"),
], non_quotes=[N("Projet Aubépine"), N("Fusion, confusion")])

# 05 — court report, assize court ----------------------------------------------------------------
MALVEZIN = ["Christophe Malvezin", "L'accusé", "l'accusé", "il"]
LEMAZ = ["Frédéric Lemazurier", "l'avocat général", "il", "Il"]
ARNAUDET = ["Philippe Arnaudet", "le président de la cour", "le président"]
BENCHETRIT = ["Me Salomé Benchetrit", "Salomé Benchetrit", "elle"]
VAUTRIN = ["Me Grégoire Vautrin", "Grégoire Vautrin", "le pénaliste bordelais"]
ANN["05_assises"] = dict(quotes=[
    Q("froidement prémédité", "Frédéric Lemazurier", LEMAZ, "avocat général", "a dénoncé un crime",
      after="l'avocat général a dénoncé"),
    Q("Pourquoi avez-vous pris cette arme ce matin-là, monsieur Malvezin ?", "Philippe Arnaudet", ARNAUDET,
      "président de la cour", "l'a invité à s'expliquer"),
    Q("Pour les ragondins", "Christophe Malvezin", MALVEZIN, "ancien minotier", "a-t-il fini par répondre"),
    Q("Je le faisais tous les jours.", "Christophe Malvezin", MALVEZIN, "ancien minotier", "a-t-il fini par répondre"),
    Q("Il m'a dit : \"Tu ne reverras jamais ton argent.\" Alors j'ai vu rouge.", "Christophe Malvezin", MALVEZIN,
      "ancien minotier", "d'une voix à peine audible"),
    Q("Tu ne reverras jamais ton argent.", "Jérôme Pradines", ["Il", "Jérôme Pradines"], None, "m'a dit",
      optional=True),
    Q("Un homme qui voit rouge ne recharge pas son fusil", "Frédéric Lemazurier", LEMAZ, "avocat général",
      "a-t-il lancé"),
    Q("Or Christophe Malvezin a rechargé.", "Frédéric Lemazurier", LEMAZ, "avocat général", "a-t-il lancé"),
    Q("froidement prémédité", "Frédéric Lemazurier", LEMAZ, "avocat général", "a qualifié le crime de",
      after="a qualifié le crime de"),
    Q("rigide, peu empathique, mais sans pathologie mentale", "Henri Sauvagnac", ["le docteur Henri Sauvagnac",
      "Henri Sauvagnac"], "expert psychiatre", "avait décrit une personnalité"),
    Q("généreux jusqu'à la naïveté", "Aurélie Pradines", ["Aurélie Pradines"], "sœur de la victime",
      "avait évoqué un frère"),
    Q("une famille détruite", "Salomé Benchetrit", BENCHETRIT, "avocate des parties civiles", "a parlé d'"),
    Q("Vous avez entendu beaucoup de choses sur l'argent, sur les dettes, sur le moulin. Vous n'avez rien entendu "
      "sur Jérôme", "Salomé Benchetrit", BENCHETRIT, "avocate des parties civiles", "a-t-elle déclaré"),
    Q("trois années d'enfer financier", "Grégoire Vautrin", VAUTRIN, "avocat de l'accusé",
      "a tenté de replacer le drame dans"),
    Q("Mon client n'est pas un assassin. C'est un homme qui s'est noyé dans ses dettes et que l'on a poussé à bout",
      "Grégoire Vautrin", VAUTRIN, "avocat de l'accusé", "a plaidé"),
    Q("Le crime est là, il ne le nie pas. Mais la préméditation, elle, n'a jamais été démontrée.",
      "Grégoire Vautrin", VAUTRIN, "avocat de l'accusé", "a plaidé"),
    Q("Je demande pardon à la famille. Je sais que ça ne sert à rien.", "Christophe Malvezin", MALVEZIN,
      "ancien minotier", None),
], non_quotes=[N("du moulin de Sérac")])

# 06 — international: European Council summit ------------------------------------------------------
VANDER = ["Ingrid Vanderhaegen", "la présidente de la Commission européenne"]
KROGER = ["Matthias Kröger", "Le chancelier allemand", "il"]
RENS = ["Joost van Rensbergen", "le Premier ministre néerlandais", "il"]
KERENYI = ["László Kerényi", "le Premier ministre hongrois"]
REIS = ["Tiago Mendonça Reis", "le président du Conseil européen"]
R_REIS = "président du Conseil européen"
ANN["06_sommet_europeen"] = dict(quotes=[
    Q("Nous avons avancé, mais nous ne sommes pas encore au bout du chemin", "Ingrid Vanderhaegen", VANDER,
      "présidente de la Commission européenne", "a reconnu"),
    Q("L'Europe n'a pas le luxe d'attendre. Chaque mois perdu est un mois gagné pour ceux qui veulent nous affaiblir.",
      "Ingrid Vanderhaegen", VANDER, "présidente de la Commission européenne", "a reconnu"),
    Q("Nous ne financerons pas les dépenses courantes de certains États par une dette que nos enfants rembourseront",
      "Matthias Kröger", KROGER, "chancelier allemand", "a-t-il martelé"),
    Q("ouvert à des instruments ciblés", "Matthias Kröger", KROGER, "chancelier allemand",
      "de préciser qu'il restait"),
    Q("mal né", "Joost van Rensbergen", RENS, "Premier ministre néerlandais", "a jugé le projet"),
    Q("On a mis la charrue avant les bœufs", "Joost van Rensbergen", RENS, "Premier ministre néerlandais",
      "a-t-il estimé"),
    Q("Parlons d'abord de ce que nous voulons acheter, ensuite de la manière de le payer.", "Joost van Rensbergen",
      RENS, "Premier ministre néerlandais", "a-t-il estimé"),
    Q("L'Allemagne a bougé, même si elle ne le dit pas encore", None, ["un diplomate"], None, "glissait",
      optional=True),
    Q("militarisation rampante", "László Kerényi", KERENYI, "Premier ministre hongrois", "a dénoncé une"),
    Q("La Hongrie ne signera aucun chèque en blanc à Bruxelles.", "László Kerényi", KERENYI,
      "Premier ministre hongrois", "prévenu"),
    Q("regrettables", "Tiago Mendonça Reis", REIS, R_REIS, "jugés par"),
    Q("garder la tête froide", "Tiago Mendonça Reis", REIS, R_REIS, "a appelé chacun à"),
    Q("tout reste sur la table", "Tiago Mendonça Reis", REIS, R_REIS, "selon"),
], non_quotes=[N("Bouclier 2030"), N("frugaux")])

# 07 — science / culture: researcher and her book ---------------------------------------------------
MARQ = ["Solène Marquevielle", "la bioacousticienne", "la directrice de recherche", "la chercheuse", "elle",
        "la scientifique"]
R_MARQ = "directrice de recherche à l'Institut océanographique de Port-Lazare"
OUVRARD = ["Bastien Ouvrard", "il"]
TEMPLIER = ["Raphaël Templier", "le biologiste Raphaël Templier", "il"]
R_TEMP = "spécialiste du comportement animal au Muséum de Brévannes"
ANN["07_bioacoustique"] = dict(quotes=[
    Q("C'est une baleine à bosse enregistrée au large de La Réunion en 2011. Écoutez bien la fin de la phrase, on la "
      "retrouvera trois ans plus tard chez des individus de Polynésie", "Solène Marquevielle", MARQ, R_MARQ,
      "s'enthousiasme"),
    Q("forme de culture, au sens le plus strict du terme", "Solène Marquevielle", MARQ, R_MARQ, "Pour"),
    Q("Pendant longtemps, on avait trois enregistrements par saison et beaucoup d'imagination", "Solène Marquevielle",
      MARQ, R_MARQ, "plaisante-t-elle"),
    Q("Aujourd'hui, nous avons des hydrophones qui tournent jour et nuit et des algorithmes capables de comparer des "
      "milliers d'heures de sons.", "Solène Marquevielle", MARQ, R_MARQ, "plaisante-t-elle"),
    Q("Solène a une intuition rare pour repérer ce qui cloche dans un spectrogramme", "Bastien Ouvrard", OUVRARD,
      "chercheur à l'université de Tromsø", "dit-il"),
    Q("Elle entend des choses que les machines ne voient pas.", "Bastien Ouvrard", OUVRARD,
      "chercheur à l'université de Tromsø", "dit-il"),
    Q("un raccourci séduisant mais risqué", "Raphaël Templier", TEMPLIER, R_TEMP, "D'après"),
    Q("Que des signaux se transmettent, personne ne le conteste. Mais appeler cela de la musique, c'est projeter nos "
      "catégories humaines sur des animaux qui n'ont rien demandé", "Raphaël Templier", TEMPLIER, R_TEMP,
      "tempère-t-il"),
    Q("Le mot ‹ culture › fait peur parce qu'on croit qu'il nous appartient. Il ne nous appartient pas",
      "Solène Marquevielle", MARQ, R_MARQ, "répond-elle"),
    Q("brouille", "Solène Marquevielle", MARQ, R_MARQ, "Selon elle"),
    Q("couper le fil de la transmission", "Solène Marquevielle", MARQ, R_MARQ, "Selon elle"),
    Q("Je voudrais que les gens sortent en se disant qu'ils ont entendu une conversation, pas du bruit",
      "Solène Marquevielle", MARQ, R_MARQ, "espère"),
], non_quotes=[N("Le Chant des profondeurs"), N("Chant des profondeurs", after="tout le propos du"),
               N("tubes"), N("Song Waves Across the Pacific"), N("culture", after="Le mot ‹ "),
               N("Abysses sonores")])

# 08 — portrait / interview -------------------------------------------------------------------------
COLETTE = ["Colette Barrandon", "l'ancienne voltigeuse du Cirque Moravia", "elle", "celle qui a passé trois "
           "décennies sous les chapiteaux", "Elle"]
R_COL = "ancienne voltigeuse du Cirque Moravia"
RAYMOND = ["Raymond Barrandon", "Ray", "Raymond", "il"]
R_RAY = "ancien clown blanc"
ANN["08_portrait"] = dict(quotes=[
    Q("Ils ne sont jamais vraiment immobiles. C'est ce que j'aime chez eux", "Colette Barrandon", COLETTE, R_COL,
      "raconte-t-elle"),
    Q("dans une roulotte, entre Béziers et Narbonne, je n'ai jamais su exactement où", "Colette Barrandon", COLETTE,
      R_COL, "est née en 1960"),
    Q("Je n'ai pas choisi le cirque. Le cirque m'est tombé dessus, comme la pluie", "Colette Barrandon", COLETTE,
      R_COL, "confie"),
    Q("Les gens pensent que c'est du courage. Non", "Colette Barrandon", COLETTE, R_COL, "explique celle qui"),
    Q("c'est de la répétition. Dix mille fois le même geste, jusqu'à ce que le corps n'ait plus besoin de vous.",
      "Colette Barrandon", COLETTE, R_COL, "explique celle qui"),
    Q("J'ai eu de la chance. Des copains sont partis pour moins que ça.", "Colette Barrandon", COLETTE, R_COL,
      "Elle en parle sans pathos"),
    Q("Elle voulait la mer, moi je voulais du calme. On a coupé la poire en deux : on n'a pris ni l'un ni l'autre",
      "Raymond Barrandon", RAYMOND, R_RAY, "sourit-il"),
    Q("la meilleure école de la confiance", "Colette Barrandon", COLETTE, R_COL, "Selon elle"),
    Q("Quand un gamin de dix ans te rattrape au trapèze, il ne te regarde plus jamais pareil", "Colette Barrandon",
      COLETTE, R_COL, "poursuit-elle"),
    Q("Et toi non plus.", "Colette Barrandon", COLETTE, R_COL, "poursuit-elle"),
    # quote continued over two paragraphs, no explicit cue: one optional span
    Q("On fonctionne avec les cotisations des familles, quelques mécènes et beaucoup de bénévoles. Je ne sais pas "
      "combien de temps on tiendra comme ça.\n\n« Mais je sais une chose : tant qu'il y aura un gamin pour vouloir "
      "voler, je serai là pour tenir la longe.", "Colette Barrandon", COLETTE, R_COL, None, optional=True),
    Q("Mes meilleurs élèves reviendront enseigner ici. Ils me l'ont promis.", "Colette Barrandon", COLETTE, R_COL,
      "À l'en croire"),
    Q("Elle dit qu'elle arrêtera à 70 ans. Je n'y crois pas une seconde", "Raymond Barrandon", RAYMOND, R_RAY,
      "lâche-t-il"),
    Q("Colette m'a appris à tomber avant de m'apprendre à voler", "Noé Castellane", ["Noé Castellane", "il"],
      "élève à l'École supérieure des arts de la piste de Lyon", "résume-t-il"),
    Q("Vous voyez ? Ça ne s'oublie pas", "Colette Barrandon", COLETTE, R_COL, "lance-t-elle"),
], non_quotes=[N("Vertiges"), N("Ray", after="Raymond Barrandon – «"), N("Les Hirondelles")])


if __name__ == "__main__":
    build(pathlib.Path(__file__).resolve().parent, ANN, DEV, HOLDOUT, check_mentions=False)
