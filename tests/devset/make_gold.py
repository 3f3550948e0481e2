"""Build gold.jsonl for the held-out dev set from the article files in this folder.

Each annotation names its span by its exact words (marks excluded); offsets are found with
str.find on the file text (read as UTF-8, newline='') and checked. `after` picks the occurrence
that follows a given anchor when the words occur more than once.
Run: python tests/devset/make_gold.py   (writes tests/devset/{gold,dev,holdout}.jsonl and checks every span)
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # tests/, for gold_builder
from gold_builder import N, Q, build  # noqa: E402

DEV = ("001", "002", "003", "004", "005", "006", "007")
HOLDOUT = ("008", "009", "010")


ANN = {}

ANN["001_politique_locale"] = dict(quotes=[
    Q("Ce projet, nous le portons depuis six ans et il répond à une demande forte des commerçants",
      "Hélène Quéméner", ["Hélène Quéméner", "la maire", "elle"], "maire divers gauche de Lannevez", "a déclaré"),
    Q("gouffre financier", "Yannick Le Bihan", ["Yannick Le Bihan", "L'élu", "M. Le Bihan"],
      "chef de file du groupe Lannevez Demain", "a qualifié le projet de"),
    Q("précipitation coupable", "Yannick Le Bihan", ["Yannick Le Bihan", "L'élu", "M. Le Bihan"],
      "chef de file du groupe Lannevez Demain", "dénonce une"),
    Q("On nous demande de voter un chèque en blanc. Les études de sol ne sont même pas terminées !",
      "Yannick Le Bihan", ["Yannick Le Bihan", "L'élu", "M. Le Bihan"], "chef de file du groupe Lannevez Demain",
      "s'est exclamé"),
    Q("parfaitement soutenable", "Patrick Jaouen", ["Patrick Jaouen", "lui"], "premier adjoint chargé des finances",
      "a assuré que"),
    Q("ne dépassera pas la moyenne départementale", "Patrick Jaouen", ["Patrick Jaouen", "lui"],
      "premier adjoint chargé des finances", "Selon lui"),
    Q("Je connais les chiffres par cœur", "Hélène Quéméner", ["Hélène Quéméner", "la maire", "elle"],
      "maire divers gauche de Lannevez", "a-t-elle répliqué"),
    Q("Nous avons désendetté la ville de 18 % depuis 2020.", "Hélène Quéméner", ["Hélène Quéméner", "la maire", "elle"],
      "maire divers gauche de Lannevez", "a-t-elle répliqué"),
    Q("la halle est une question de survie pour le marché, pas un caprice d'élus", "Gwenaëlle Roudaut",
      ["Gwenaëlle Roudaut", "elle"], "présidente de l'Union des commerçants de Lannevez", "Pour"),
    Q("L'hiver dernier, on a perdu un tiers de nos clients les jours de pluie", "Gwenaëlle Roudaut",
      ["Gwenaëlle Roudaut", "elle"], "présidente de l'Union des commerçants de Lannevez", "explique-t-elle"),
    Q("avec attention", "préfecture du Morbihan", ["La préfecture du Morbihan", "elle"], None,
      "a indiqué dans un communiqué qu'elle examinerait"),
    Q("une réunion publique par quartier", "Hélène Quéméner", ["Hélène Quéméner", "la maire"],
      "maire divers gauche de Lannevez", "a promis d'organiser"),
], non_quotes=[N("mur de la dette"), N("Sauvons la place du Marché")])

BENHAMOU = ["Nadia Benhamou", "la procureure", "La magistrate", "Elle", "elle"]
CASTAGNET = ["Bernard Castagnet", "l'intéressé", "il", "le prévenu"]
DAUBIGNY = ["Me Olivier Daubigny", "son avocat", "Il"]
ANN["002_proces"] = dict(quotes=[
    Q("Monsieur Castagnet a confondu la caisse de l'office avec son propre portefeuille", "Nadia Benhamou", BENHAMOU,
      "procureure", "a lancé"),
    Q("Pendant sept ans", "Nadia Benhamou", BENHAMOU, "procureure", "a-t-elle poursuivi"),
    Q("il a organisé un système de fausses factures avec une constance remarquable.", "Nadia Benhamou", BENHAMOU,
      "procureure", "a-t-elle poursuivi"),
    Q("pure fiction comptable", "Nadia Benhamou", BENHAMOU, "procureure", "a qualifié les prestations facturées de"),
    Q("Je n'ai jamais pris un centime qui ne m'était pas dû. J'ai peut-être été négligent dans le suivi des chantiers, "
      "je le reconnais, mais je ne suis pas un voleur", "Bernard Castagnet", CASTAGNET,
      "ancien directeur général de l'office HLM Rhône Habitat Solidaire", "a-t-il affirmé"),
    Q("erreur d'imputation", "Bernard Castagnet", CASTAGNET,
      "ancien directeur général de l'office HLM Rhône Habitat Solidaire", "a évoqué une", after="a évoqué"),
    Q("Une piscine, monsieur, ce n'est pas exactement une erreur d'imputation.", "Claire Vasseur",
      ["Claire Vasseur", "La présidente"], "présidente du tribunal", "n'a pas caché son scepticisme :"),
    Q("des témoignages d'anciens salariés rancuniers", "Olivier Daubigny", DAUBIGNY, "avocat", "Pour"),
    Q("bâclée", "Olivier Daubigny", DAUBIGNY, "avocat", "Pour"),
    Q("servi l'office avec dévouement pendant vingt ans", "Olivier Daubigny", DAUBIGNY, "avocat", "estimant que"),
    Q("Ce sont les locataires les plus modestes qui ont payé la piscine de M. Castagnet", "Sophie Lagarde",
      ["Me Sophie Lagarde", "elle"], "avocate de l'Association des locataires de Villeurbanne-Nord",
      "a-t-elle souligné"),
], non_quotes=[N("le Baron")])

KERHERVE = ["Didier Kerhervé", "Kerhervé", "Le technicien breton", "il"]
FERREIRA = ["Luis Ferreira", "Ferreira", "il", "le coach"]
LEGALL = ["Yoann Le Gall", "le défenseur Yoann Le Gall"]
ANN["003_football"] = dict(quotes=[
    Q("fier de ses joueurs", "Didier Kerhervé", KERHERVE, "entraîneur de Montaubrac", None, optional=True),
    Q("On a montré un visage magnifique. À dix contre onze pendant une heure, revenir deux fois au score, ça dit tout "
      "du caractère de ce groupe", "Didier Kerhervé", KERHERVE, "entraîneur de Montaubrac", "a savouré"),
    Q("Je l'ai revue dix fois. Il touche le ballon en premier. Je ne comprends pas qu'on ne fasse pas appel à la VAR "
      "dans ce cas-là", "Didier Kerhervé", KERHERVE, "entraîneur de Montaubrac", "a-t-il regretté"),
    Q("Deux buts, c'est bien, mais on devait tuer ce match. On a été trop gentils.", "Karim Benaïssa",
      ["Karim Benaïssa", "l'international algérien"], "attaquant de Valcourt", "n'avait pas le cœur à la fête :"),
    Q("frustrant", "Luis Ferreira", FERREIRA, "entraîneur de Valcourt", "a jugé le résultat"),
    Q("manque de maturité", "Luis Ferreira", FERREIRA, "entraîneur de Valcourt", "a dénoncé un"),
    Q("Quand tu mènes 2-1 à domicile contre une équipe à dix, tu dois garder le ballon, pas jouer au flipper",
      "Luis Ferreira", FERREIRA, "entraîneur de Valcourt", "a-t-il lâché"),
    Q("Karim est sous contrat jusqu'en 2027. Le club n'a reçu aucune offre, et moi, je compte sur lui jusqu'à la "
      "dernière journée", "Luis Ferreira", FERREIRA, "entraîneur de Valcourt", "a martelé"),
    Q("la finale de la saison", "presse locale", ["la presse locale"], None, "présenté comme", optional=True),
    Q("Ce sera un match de survie. Il faudra le jouer avec le cœur mais aussi avec la tête", "Yoann Le Gall", LEGALL,
      "capitaine de Montaubrac", "a prévenu"),
    Q("Et cette fois, on essaiera de finir à onze.", "Yoann Le Gall", LEGALL, "capitaine de Montaubrac",
      "Avant d'ajouter"),
], non_quotes=[N("le Sorcier")])

MARCHETTI = ["Isabelle Marchetti", "La dirigeante", "elle"]
SUD = ["Le syndicat Sud-Métallurgie Vienne"]
DELORME = ["Marc-Antoine Delorme", "il"]
ANN["004_economie"] = dict(quotes=[
    Q("C'est une année de redressement. Nous avons tenu tous nos engagements vis-à-vis des marchés",
      "Isabelle Marchetti", MARCHETTI, "directrice générale du groupe", "a déclaré"),
    Q("l'effondrement des commandes", "Isabelle Marchetti", MARCHETTI, "directrice générale du groupe",
      "a justifiée par"),
    Q("environ 90 millions d'euros", "Laurent Dufresnoy", ["Laurent Dufresnoy"], "directeur financier", "Selon"),
    Q("un plan social déguisé en plan stratégique", "syndicat Sud-Métallurgie Vienne", SUD, None, "dénonce"),
    Q("sans délai", "syndicat Sud-Métallurgie Vienne", SUD, None, "réclame l'ouverture de négociations"),
    Q("On nous parle de transition, mais à Châtellerault, la transition, c'est France Travail", "Franck Giraudeau",
      ["Franck Giraudeau"], "délégué syndical central", "a réagi"),
    Q("solides mais flattés par des éléments non récurrents", "Claire Bouvier", ["Claire Bouvier", "elle"],
      "analyste chez Bastide & Cie", "D'après"),
    Q("Le vrai test, ce sera la marge opérationnelle de 2025", "Claire Bouvier", ["Claire Bouvier", "elle"],
      "analyste chez Bastide & Cie", "estime-t-elle"),
    Q("très attentif", "Marc-Antoine Delorme", DELORME, "ministre de l'Industrie", "s'est dit"),
    Q("Je recevrai la direction du groupe dans les prochains jours. L'État ne restera pas spectateur",
      "Marc-Antoine Delorme", DELORME, "ministre de l'Industrie", "a-t-il écrit"),
], non_quotes=[N("Horizon 2030")])

FONTANEL = ["Léa Fontanel", "La cinéaste", "elle"]
ANN["005_festival_cinema"] = dict(quotes=[
    Q("Ce film est une claque. Il nous a bouleversés du premier au dernier plan", "Jacques-Henri Morvan",
      ["le comédien Jacques-Henri Morvan", "le président du jury"], "président du jury", "a expliqué"),
    Q("Ils ne sont pas acteurs, ils n'avaient jamais vu une caméra de près. Ce prix est le leur", "Léa Fontanel",
      FONTANEL, "réalisatrice", "a-t-elle déclaré"),
    Q("On m'a dit non partout. Un film sur des soudeurs, sans vedette, personne n'y croyait.\n\n« Ensuite, il a fallu "
      "convaincre le chantier de nous ouvrir ses portes. Ça a pris encore un an.", "Léa Fontanel", FONTANEL,
      "réalisatrice", "a raconté", optional=True),
    Q("illustration appliquée, sans souffle", "Rémi Castaing", ["le critique Rémi Castaing"],
      "critique du magazine Cinéscope", "Pour"),
    Q("trahit l'ambiguïté du livre", "Rémi Castaing", ["le critique Rémi Castaing"],
      "critique du magazine Cinéscope", "Pour"),
    Q("Le public est revenu en masse, notamment les moins de 25 ans. C'est la meilleure nouvelle de cette édition",
      "Antoine Bellefroid", ["Antoine Bellefroid", "il", "Il"], "délégué général du festival", "estime-t-il"),
    Q("signal désastreux pour la culture en région", "Antoine Bellefroid", ["Antoine Bellefroid", "il", "Il"],
      "délégué général du festival", "qualifiant cette décision de"),
    Q("considérable", "Mathilde Orsini", ["Mathilde Orsini"], "vice-présidente de la région chargée de la culture",
      "a assuré que"),
    Q("aucun festival n'a été sacrifié", "Mathilde Orsini", ["Mathilde Orsini"],
      "vice-présidente de la région chargée de la culture", "a assuré que"),
], non_quotes=[N("Les Ombres du port", after="À Montrevel"), N("Les Ombres du port", after="samedi soir à"), N("Le Silence des autres"),
               N("Minuit à Tanger"), N("La Nuit des mouettes"), N("la Gueule d'amour"), N("Terre brûlée")])

AUBERTIN = ["Sandrine Aubertin", "la ministre", "Elle"]
FML = ["La Fédération des médecins libéraux (FML)", "Le syndicat", "lui"]
FERRAND = ["Josiane Ferrand", "elle"]
MERCADIER = ["Le Pr Hugo Mercadier", "Hugo Mercadier"]
ANN["006_sante"] = dict(quotes=[
    Q("Il ne s'agit pas de punir les médecins, mais d'organiser la solidarité entre les territoires",
      "Sandrine Aubertin", AUBERTIN, "ministre de la Santé", "a déclaré"),
    Q("mission de solidarité territoriale", "Sandrine Aubertin", AUBERTIN, "ministre de la Santé",
      "a présenté le dispositif comme", optional=True),
    Q("coercition déguisée", "Fédération des médecins libéraux", FML, None, "a qualifié la mesure de"),
    Q("On demande à des médecins déjà épuisés, qui travaillent cinquante-cinq heures par semaine, d'en faire encore "
      "plus. C'est méconnaître totalement la réalité du terrain", "Alain Rocheteau",
      ["le Dr Alain Rocheteau", "son président"], "président de la FML", "a estimé"),
    Q("stigmatisation", "Fédération des médecins libéraux", FML, None, "dénonce également une"),
    Q("fuir", "Fédération des médecins libéraux", FML, None, "accusés selon lui de", optional=True),
    Q("dans le bon sens", "Josiane Ferrand", FERRAND, "présidente de l'association France Patients Ruraux", "Pour"),
    Q("avec dix ans de retard", "Josiane Ferrand", FERRAND, "présidente de l'association France Patients Ruraux",
      "Pour"),
    Q("Dans mon canton, il faut attendre quatre mois pour voir un ophtalmologiste et la moitié des généralistes ont "
      "plus de 60 ans. Deux jours par mois, c'est un début", "Josiane Ferrand", FERRAND,
      "présidente de l'association France Patients Ruraux", "a-t-elle expliqué"),
    Q("utiles", "Hugo Mercadier", MERCADIER, "chef du service des urgences du CHU de Valmont", "salue des mesures"),
    Q("Tant qu'on n'aura pas réglé la question de la permanence des soins le soir et le week-end, les urgences "
      "continueront d'absorber la misère du système.", "Hugo Mercadier", MERCADIER,
      "chef du service des urgences du CHU de Valmont", "prévient :"),
    Q("ouverte à des amendements", "entourage de Sandrine Aubertin", ["L'entourage de la ministre"], None,
      "assure qu'elle est", optional=True),
], non_quotes=[N("bus santé")])

BRRH = ["le Bureau régional de recherches hydrologiques (BRRH)"]
BESSET = ["la climatologue Nathalie Besset", "La scientifique", "elle"]
ANN["007_climat"] = dict(quotes=[
    Q("Nous sommes face à une situation inédite par sa durée. Les nappes phréatiques n'ont pas retrouvé leur niveau "
      "depuis 2022", "Jean-Marc Delattre", ["Jean-Marc Delattre", "le préfet"], "préfet des Pyrénées-Orientales",
      "a déclaré"),
    Q("très bas", "Bureau régional de recherches hydrologiques", BRRH, None, "Selon", optional=True),
    Q("extrêmement bas", "Bureau régional de recherches hydrologiques", BRRH, None, "Selon", optional=True),
    Q("Mes abricotiers ont besoin d'eau en juin, pas en octobre", "Pierre Cazenave", ["Pierre Cazenave"],
      "arboriculteur à Ille-sur-Têt", "a résumé"),
    Q("Si on coupe maintenant, c'est la récolte de l'an prochain qu'on sacrifie.", "Pierre Cazenave",
      ["Pierre Cazenave"], "arboriculteur à Ille-sur-Têt", "a résumé"),
    Q("brutal et mal calibré", "Michel Roig", ["Michel Roig"], "président de la chambre d'agriculture",
      "a jugé l'arrêté"),
    Q("courageuse mais tardive", "associations environnementales", ["Les associations environnementales"], None,
      "saluent", optional=True),
    Q("cela fait trois ans qu'on alerte sur la surexploitation des nappes. On a laissé construire des golfs et des "
      "résidences avec piscine comme si l'eau était infinie", "Élodie Sarraute", ["Élodie Sarraute"],
      "porte-parole du collectif Eau Commune 66", "D'après"),
    Q("Ce que nous vivons dans les Pyrénées-Orientales, c'est la normale de la fin du siècle qui arrive avec "
      "cinquante ans d'avance.", "Nathalie Besset", BESSET,
      "chercheuse au Laboratoire des climats méditerranéens de Montpellier", "n'a rien d'une anomalie :"),
    Q("Il faudra accepter que certaines productions quittent la plaine. Ce n'est pas une opinion, c'est de la "
      "physique", "Nathalie Besset", BESSET, "chercheuse au Laboratoire des climats méditerranéens de Montpellier",
      "souligne-t-elle"),
    Q("un plan d'adaptation spécifique", "ministère de la Transition écologique",
      ["Le ministère de la Transition écologique"], None, "promis"),
    Q("renforcés", "préfecture des Pyrénées-Orientales", ["la préfecture"], None, "promet"),
], non_quotes=[N("crise", after="alerte"), N("crise", after="niveau de")])

MALLET = ["Bertrand Mallet", "Le ministre français", "M. Mallet"]
FAYE = ["Awa Diop Faye", "Elle"]
KOUYATE = ["Moussa Kouyaté", "il"]
BENNANI = ["Karim Bennani"]
ANN["008_diplomatie"] = dict(quotes=[
    Q("Nous avons beaucoup avancé sur la sécurité alimentaire et l'énergie. Sur la dette, il faudra encore du travail",
      "Bertrand Mallet", MALLET, "chef de la diplomatie française", "a reconnu"),
    Q("L'Afrique ne peut pas continuer à consacrer plus à ses créanciers qu'à ses écoles et à ses hôpitaux.",
      "Awa Diop Faye", FAYE, "ministre sénégalaise des Affaires étrangères", "a prévenu :"),
    Q("profondément injuste", "Awa Diop Faye", FAYE, "ministre sénégalaise des Affaires étrangères",
      "a qualifié l'architecture financière actuelle de"),
    Q("passer des discours aux actes", "Awa Diop Faye", FAYE, "ministre sénégalaise des Affaires étrangères",
      "appelé ses partenaires européens à"),
    Q("Un moratoire généralisé enverrait un mauvais signal aux marchés et renchérirait le coût du crédit pour tout le "
      "continent", "Katarina Lindqvist", ["Katarina Lindqvist", "elle"], "commissaire aux Partenariats internationaux",
      "a-t-elle fait valoir"),
    Q("frileuse", "Moussa Kouyaté", KOUYATE, "président de la Commission de l'Union africaine", "jugée par"),
    Q("L'Europe a su suspendre ses propres règles budgétaires pendant la pandémie. Qu'on ne vienne pas nous "
      "expliquer aujourd'hui que la discipline est sacrée", "Moussa Kouyaté", KOUYATE,
      "président de la Commission de l'Union africaine", "a-t-il lancé"),
    Q("personne ne voulait d'un clash public, mais les positions restent très éloignées", None,
      ["un diplomate européen"], "diplomate européen", "Selon", optional=True),
    Q("feuille de route précise, avec un calendrier", "Karim Bennani", BENNANI,
      "ministre marocain des Affaires étrangères", "a plaidé pour une"),
    Q("le temps des communiqués est révolu", "Karim Bennani", BENNANI, "ministre marocain des Affaires étrangères",
      "estimant que"),
    Q("Je suis convaincu", "Bertrand Mallet", MALLET, "chef de la diplomatie française", "a insisté"),
    Q("que nous arriverons à Bruxelles en novembre avec un accord.", "Bertrand Mallet", MALLET,
      "chef de la diplomatie française", "a insisté"),
], non_quotes=[N("Global Gateway")])

HURTAUD = ["Sébastien Hurtaud", "Le syndicaliste"]
DIRECTION = ["La direction", "elle"]
ARNOULD = ["Guillaume Arnould", "Il"]
ANN["009_greve"] = dict(quotes=[
    Q("On ne lâchera rien tant que la direction ne viendra pas s'asseoir à la table avec de vraies propositions",
      "Sébastien Hurtaud", HURTAUD, "délégué du syndicat CGT-Métallurgie", "a lancé"),
    Q("Il y a de l'argent pour les actionnaires, il y a de l'argent pour les bonus des cadres dirigeants. Et pour "
      "ceux qui respirent la poussière de métal huit heures par jour, il n'y aurait rien ?\n\n« Les gars ici ont fait "
      "tourner l'usine pendant le Covid. Ils méritent mieux que des miettes.", "Sébastien Hurtaud", HURTAUD,
      "délégué du syndicat CGT-Métallurgie", "a rappelé", optional=True),
    Q("prise d'otage", "direction des Forges de l'Argonne", DIRECTION, None, "dénonce une"),
    Q("un surcoût de 11 millions d'euros par an, incompatible avec la survie du site",
      "direction des Forges de l'Argonne", DIRECTION, None, "affirme que"),
    Q("Si le blocage se prolonge, nous perdrons nos clients allemands. Et sans eux, cette activité n'a pas d'avenir",
      "Caroline Vermeulen", ["Caroline Vermeulen", "elle"], "directrice des ressources humaines", "a-t-elle averti"),
    Q("chantage à l'emploi", "Sébastien Hurtaud", HURTAUD, "délégué du syndicat CGT-Métallurgie", "qualifiés de par"),
    Q("Nous soutenons les revendications, mais il faut éviter que le conflit ne devienne un prétexte pour fermer",
      "Nadège Pichon", ["Nadège Pichon"], "secrétaire de la section FO", "estime"),
    Q("explosive", "Guillaume Arnould", ARNOULD, "député de la circonscription", "estime que"),
    Q("chaque jour de blocage fragilise un peu plus le territoire", "Guillaume Arnould", ARNOULD,
      "député de la circonscription", "estime que"),
    Q("en fin de semaine", "préfecture de la Meuse", ["la préfecture de la Meuse"], None, "Selon"),
    Q("Ici, c'est l'\"usine famille\" : mon père y a travaillé, mon grand-père aussi", "Kevin Marchal",
      ["Kevin Marchal"], "fondeur", "confie"),
], non_quotes=[N("usine famille")])

DARTIGUES = ["Émilie Dartigues", "la chercheuse", "Elle"]
RAVEL = ["Julien Ravel", "le scientifique"]
PEMBERTON = ["Andrew Pemberton", "il"]
ANN["010_science"] = dict(quotes=[
    Q("C'est le plus grand sauropode jamais décrit en Europe occidentale. Quand nous avons dégagé le fémur, nous "
      "avons d'abord cru à une erreur de mesure", "Émilie Dartigues", DARTIGUES,
      "paléontologue au Muséum de Saintonge", "a raconté"),
    Q("comparable à celui des mangroves actuelles", "Émilie Dartigues", DARTIGUES,
      "paléontologue au Muséum de Saintonge", "décrit un environnement"),
    Q("J'ai vu un morceau d'os qui dépassait de la paroi, gros comme un tronc. J'ai tout de suite arrêté la "
      "pelleteuse", "Patrice Bonnin", ["Patrice Bonnin", "l'intéressé"], "ouvrier de la carrière", "se souvient"),
    Q("remet en question", "Julien Ravel", RAVEL, "paléontologue à l'université de Poitiers", "Pour"),
    Q("Cela signifie qu'ils ont survécu au moins dix millions d'années de plus que ce que l'on pensait",
      "Julien Ravel", RAVEL, "paléontologue à l'université de Poitiers", "précise"),
    Q("trop fragmentaires", "Andrew Pemberton", PEMBERTON, "paléontologue britannique", "estime que"),
    Q("Il pourrait s'agir d'un grand individu d'un genre déjà connu", "Andrew Pemberton", PEMBERTON,
      "paléontologue britannique", "a-t-il expliqué"),
    Q("Le débat est sain, c'est comme ça que la science avance", "Émilie Dartigues", DARTIGUES,
      "paléontologue au Muséum de Saintonge", "a répondu"),
    Q("Mais nous avons comparé nos os avec ceux de tous les genres connus, et aucun ne correspond.",
      "Émilie Dartigues", DARTIGUES, "paléontologue au Muséum de Saintonge", "a répondu"),
    Q("pôle de tourisme scientifique", "mairie de Cognac", ["La mairie de Cognac", "elle"], None,
      "a annoncé qu'elle souhaitait faire du site un", optional=True),
], non_quotes=[N("le Titan de Cognac"), N("Annales de paléontologie européenne"), N("Géants de Charente")])


if __name__ == "__main__":
    build(pathlib.Path(__file__).resolve().parent, ANN, DEV, HOLDOUT, after_mode="start", check_mentions=False)
