#!/usr/bin/env python3
"""`consentlens diff` and `consentlens report` as a user runs them: exit codes, the JSON shape of
the findings contract, and versions that differ only in layout (renumbered and moved sections)
giving no change, and the sentences said for changes. Usage: diff_cli_test.py CONSENTLENS TESTS_DIFF_DIR"""
import json
import os
import subprocess
import sys
import tempfile

binary, folder = sys.argv[1], sys.argv[2]
old = os.path.join(folder, "acme-terms-2024-01-15.md")
new = os.path.join(folder, "acme-terms-2024-06-01.md")
failures = []


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


def check(name, ok):
    if not ok:
        failures.append(name)
    print(("ok   " if ok else "FAIL ") + name)


def report_answers(text):
    """`report --json` on a document written to a file: its answers by question ({} if it fails)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "document.md")
        open(path, "w", encoding="utf-8").write(text)
        rep = run("report", "--json", path)
        return {a["question"]: a for a in json.loads(rep.stdout)["answers"]} if rep.returncode == 0 else {}


def diff_changes(old_text, new_text):
    """`diff --json` between two versions written to files: the changes listed."""
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a.md"), os.path.join(tmp, "b.md")
        open(a, "w", encoding="utf-8").write(old_text)
        open(b, "w", encoding="utf-8").write(new_text)
        return json.loads(run("diff", "--json", a, b).stdout)["changes"]


r = run("diff", "--json", old, new)
check("diff exits 0", r.returncode == 0)
doc = json.loads(r.stdout)
check("top-level keys are the contract's", list(doc) == ["old", "new", "changes", "noise"])
check("versions carry name and date", doc["old"] == {"name": old, "date": "2024-01-15"} and doc["new"]["date"] == "2024-06-01")
keys = ["change", "section", "old_stance", "new_stance", "old", "new", "summary"]
check("every change has the contract's fields", all(list(c) == keys for c in doc["changes"]))
check("quotes are exact substrings of their version",
      all(c[side] is None or c[side]["text"] in open(old if side == "old" else new, encoding="utf-8").read().replace("**", "")
          for c in doc["changes"] for side in ("old", "new")))
kinds = {c["change"] for c in doc["changes"]}
check("the negation added is a stance change", "stance_changed" in kinds)
check("the ban on users training on output is not listed",
      not any("output" in (c["new"] or {}).get("text", "") for c in doc["changes"]))
check("noise is a count", isinstance(doc["noise"], int) and doc["noise"] > 0)

check("--fail-on a kind found exits 1", run("diff", "--fail-on", "opt_in_added,stance_changed", old, new).returncode == 1)
check("--fail-on a kind not found exits 0", run("diff", "--fail-on", "opt_in_added", old, new).returncode == 0)
bad = run("diff", "--fail-on", "no_such_change", old, new)
check("--fail-on an unknown kind exits 2 and names it", bad.returncode == 2 and "no_such_change" in bad.stderr)
check("one file exits 2", run("diff", old).returncode == 2)
check("a bad date exits 2", run("diff", "--date", "2024-13-01,2024-06-01", old, new).returncode == 2)
noisy = json.loads(run("diff", "--json", "--show-noise", old, new).stdout)
check("--show-noise lists as many edits as it counts", len(noisy.get("noise_edits", [])) == noisy["noise"])
md = run("diff", "--markdown", old, new)
check("--markdown prints a heading per change", md.returncode == 0 and md.stdout.count("\n## ") == len(doc["changes"]))

# Layout only: every section renumbered and one moved; nothing changes in meaning.
text = open(old, encoding="utf-8").read()
sections = text.split("\n## ")
head, body = sections[0], sections[1:]
moved = body[1:] + body[:1]
renumbered = [str(i + 7) + s[s.index("."):] for i, s in enumerate(moved)]
with tempfile.TemporaryDirectory() as tmp:
    a, b = os.path.join(tmp, "a.md"), os.path.join(tmp, "b.md")
    open(a, "w", encoding="utf-8").write(text)
    open(b, "w", encoding="utf-8").write(head + "\n## " + "\n## ".join(renumbered))
    same = json.loads(run("diff", "--json", a, b).stdout)
    check("renumbered and moved sections give no change", same["changes"] == [])

# What the new readings say in words (tests/diff/northwind-*: versions written for these cases).
nw_old = os.path.join(folder, "northwind-privacy-2025-03-01.md")
nw_new = os.path.join(folder, "northwind-privacy-2025-09-15.md")
nw = json.loads(run("diff", "--json", nw_old, nw_new).stdout)["changes"]
summaries = [c["summary"] for c in nw]
check("a disclosure names who gets the data", "Northwind may now give your data to a tax authority." in summaries)
check("an added aside is quoted", any("including our advertising partners" in s for s in summaries))
check("the user's own duties give no change", not any("Duties" in c["section"] for c in nw))
check("'you consent' -> 'you authorize' is no change of who consents",
      not any(c["change"] == "consent_holder_changed" for c in nw))

# A company that calls itself "we" throughout is named by its definition.
with tempfile.TemporaryDirectory() as tmp:
    a, b = os.path.join(tmp, "a.md"), os.path.join(tmp, "b.md")
    intro = 'These terms are between you and Contoso Ltd. ("Contoso", "we, "us" or "our").\n\n'
    open(a, "w", encoding="utf-8").write(intro + "We may disclose your personal data to law enforcement.\n")
    open(b, "w", encoding="utf-8").write(intro + "We may disclose your personal data to law enforcement.\n\n"
                                         "We may disclose your billing details to a tax authority.\n")
    named = json.loads(run("diff", "--json", a, b).stdout)["changes"]
    check("a company defined as 'we' is named in the sentences",
          [c["summary"] for c in named] == ["Contoso may now give your data to a tax authority."])
    open(b, "w", encoding="utf-8").write(intro + "We may disclose your personal data to law enforcement and to a tax authority.\n")
    listed = json.loads(run("diff", "--json", a, b).stdout)["changes"]
    check("an item added at the end of a list widens the clause",
          [(c["change"], c["summary"]) for c in listed] == [("scope_widened", "It now adds: \u201cand to a tax authority\u201d.")])

rep = run("report", "--json", new)
page = json.loads(rep.stdout) if rep.returncode == 0 else {}
questions = [a["question"] for a in page.get("answers", [])]
check("report answers the six questions",
      questions == ["train_content", "train_usage", "consent", "third_party_models", "licence", "opt_out"])
train = page["answers"][0] if questions else {}
check("report quotes the no-training clause with its stance",
      any(c["stance"] == "prohibits" and "does not use" in c["text"] for c in train.get("clauses", [])))
check("report says what is not stated", page["answers"][1]["answer"] == "Not stated." if questions else False)
check("report with no file exits 2", run("report").returncode == 2)

# An AI company's own policy (sentences quoted from Anthropic's privacy policy of 8 October 2025,
# Open Terms Archive's copy; credit "Open Terms Archive contributors"): its names are not AI from
# other companies, and the page quotes the clauses that say what is done with your data, not the
# first ones that mention AI.
answers = report_answers(
    "# Privacy Policy\n\n"
    "Anthropic is an AI safety and research company working to build reliable, interpretable, and steerable AI "
    "systems. This Privacy Policy explains how we collect, use, disclose, and process your personal data when you "
    "use Claude.ai or other places where Anthropic acts as a data controller.\n\n"
    "Please see our Non-User Privacy Policy for information on how our large language models are 'trained'.\n\n"
    "### Personal data we collect or receive to train our models\n\n"
    "Anthropic obtains personal data from third party sources in order to train our models. Specifically, we train "
    "our models using data from the following sources:\n\n"
    "* Publicly available information via the Internet\n\n"
    "We shall collect your payment information if you choose to purchase access to Anthropic's products and "
    "services.\n\n"
    "## 2. Uses of Personal Data\n\n"
    "We may use your Inputs and Outputs to train our models and improve our Services, unless you opt out through "
    "your account settings.\n\n"
    "Anthropic may update this Privacy Policy. Claude is trained in two steps. Claude is a family of models. "
    "Anthropic PBC is in San Francisco. Claude can help. Claude is available on the web.\n")
quoted = lambda q: [c["text"] for c in answers.get(q, {}).get("clauses", [])]
check("an AI company's own policy: its own names are no third-party AI",
      answers.get("third_party_models", {}).get("answer") == "Not stated.")
check("the page quotes the clause about your data among the training answers",
      any(t.startswith("We may use your Inputs and Outputs to train") for t in quoted("train_content")))
check("the training answer says you can opt out",
      answers.get("train_content", {}).get("answer", "").endswith("It says you can opt out."))
check("a choice to buy is not a way to say no",
      any("unless you opt out" in t for t in quoted("opt_out")) and not any("purchase" in t for t in quoted("opt_out")))

# The company's name: not a common noun that starts a sentence ("Data may be shared"), and from the
# title when no sentence has it as a subject (written text).
answer = report_answers(
    "# Contoso Terms of Service\n\nThese terms are between you and Contoso. Data may be shared with partners, and "
    "data is kept for a year; data is encrypted. Data will be deleted on request. We may use your content to train "
    "our AI models. Contoso's offices are in Oslo.\n").get("train_content", {}).get("answer", "")
check("the company is named from the title, not from 'Data may'", "Contoso may train" in answer and "Data" not in answer)

# A licence the company grants (to its customer, for its reports) is not one over your data: its
# removal is no change (written after LinkedIn's Service Terms: "LinkedIn hereby grants Customer a
# non-exclusive, perpetual, royalty-free, worldwide ... license to use ... the Insights Reports").
base = "# Contoso Service Terms\n\nContoso may update these terms. Contoso will notify you. Contoso is based in Oslo.\n\n"
listed = diff_changes(base + "Contoso hereby grants Customer a non-exclusive, perpetual, royalty-free, worldwide license "
                      "to use the Insights Reports for internal use.\n", base)
check("a licence the company grants is not a licence you gave", not any(c["change"] == "license_changed" for c in listed))

# A new training clause with a way out says so (written after OpenAI's "ChatGPT ... improves by further
# training on the conversations people have with it, unless you opt out").
base = "# Contoso Privacy Policy\n\nContoso may update this policy. Contoso will notify you. Contoso is in Oslo.\n\n"
listed = diff_changes(base, base + "We may use your chats to train our models, unless you opt out.\n")
check("a new training clause with an opt-out says you can opt out",
      [c["summary"] for c in listed] == ["A new part says Contoso may train AI on this data. It says you can opt out."])

# Licences in both directions and a yes given by using (written after Twitter's terms of June 2020,
# LinkedIn's Service Terms and Meta's AI terms of January 2026, Open Terms Archive copies).
answers = report_answers(
    "# Contoso Terms of Service\n\nContoso may change these terms. Contoso will tell you. Contoso is in Oslo.\n\n"
    "By submitting Content, you grant us a worldwide, non-exclusive, royalty-free license (with the right to "
    "sublicense) to use, copy and display such Content.\n\n"
    "Contoso gives you a personal, non-transferable, non-sublicensable license to use the software.\n\n"
    "By using the assistant, you instruct us to share information with our AI partners.\n")
licence = answers.get("licence", {})
check("the licence you give is read with 'the right to sublicense', the one you get is not yours",
      "can be passed on" in licence.get("answer", "") and all("gives you" not in c["text"] for c in licence.get("clauses", [])))
check("a yes given by using is no way to say no", answers.get("opt_out", {}).get("answer") == "Not stated.")

# A licence in another language: its terms are read from the vocabularies (written variants of
# Zoom's section 10.4 in German: "unbefristet" and "unwiderruflich" added; a licence granted to
# the user, "Wir gewähren Ihnen", is none).
base = "# Nutzungsbedingungen\n\n## 10. Lizenz\n\n"
listed = diff_changes(base + "Sie gewähren uns eine weltweite, nicht-exklusive und gebührenfreie Lizenz zur Nutzung "
                      "Ihrer Inhalte.\n", base + "Sie gewähren uns eine weltweite, nicht-exklusive, gebührenfreie, "
                      "unbefristete und unwiderrufliche Lizenz zur Nutzung Ihrer Inhalte.\n")
check("a German licence that now never ends and cannot be taken back is a licence change",
      [c["change"] for c in listed] == ["license_changed"] and "never ends" in listed[0]["summary"])
listed = diff_changes(base + "Wir gewähren Ihnen eine weltweite, nicht übertragbare Lizenz zur Nutzung der Dienste.\n",
                      base + "Wir gewähren Ihnen eine weltweite, unbefristete, nicht übertragbare Lizenz zur Nutzung der Dienste.\n")
check("a licence granted to you, in German, is not one you give", not any(c["change"] == "license_changed" for c in listed))

# Written after the held-out pairs of 6 December 2026 (tests/diff/murmurly-*, parcelwave-*,
# tafelwerk-*): a list item under a lead-in that bars the reader is the reader's conduct; an
# opt-out or a change of staff access in a sentence of its own is listed; an impersonal ban on
# scraping for training is the reader's conduct too.
base = "# Contoso Terms\n\n## 7. Acceptable Use\n\nYou must not use the Service to:\n\n- send spam;\n- resell the Service.\n"
listed = diff_changes(base, base.replace("- resell the Service.\n", "- resell the Service;\n- use any output of the Service to train a machine learning model.\n"))
check("a list item under 'You must not use the Service to:' is no new training clause", listed == [])
base = "# Contoso Privacy Policy\n\n## 3. Usage data\n\nWe use Usage Information to train and evaluate our AI models.\n"
listed = diff_changes(base, base.replace("models.\n", "models. You can turn this off at any time under Settings > Privacy > Help improve Contoso.\n"))
check("an opt-out in a sentence of its own is listed", [c["change"] for c in listed] == ["opt_out_added"] and
      listed[0]["old_stance"] == "permits" and listed[0]["new_stance"] == "permits")
base = "# Contoso Privacy Policy\n\n## 8. Access by our staff\n\n"
listed = diff_changes(base + "Contoso personnel do not access Customer Content, except when you ask us to help with a support request.\n",
                      base + "Contoso personnel may access Customer Content to help with a support request and to review samples for quality assurance.\n")
check("staff who may now look at content is a change in data use", [c["change"] for c in listed] == ["other_data_use"])
base = "# Politique de confidentialité\n\n## 4. Partage\n\nNous ne vendons pas vos données.\n"
listed = diff_changes(base, base + "Il est interdit d'extraire des contenus par des moyens automatisés ou de les utiliser pour entraîner des modèles d'intelligence artificielle.\n")
check("an impersonal ban on training with the service's content is no new training clause", listed == [])

# Who holds the way out: each user, then only the workspace's owner (written after the second
# held-out round, tests' own wording).
base = "# Contoso Privacy Policy\n\n## 3. Local models\n\nWe use messages to train local models. "
listed = diff_changes(base + "Each Authorised User can turn off the use of their own messages for local models.\n",
                      base + "Only a Workspace Owner can turn off the use of the workspace's messages for local models.\n")
check("the way out moving from each user to the workspace owner is a change of whose yes counts",
      "consent_holder_changed" in [c["change"] for c in listed])

# Written after the second held-out round (Huddlewire, Planefold; tests' own wording): an item
# added to what a use leaves out narrows it, an item added to the exceptions of a ban widens it;
# a sentence that opens with the way out is an opt-out with its holder; staff who will no longer
# look at data "used to train" is about the staff, not the training.
base = "# Contoso Privacy Policy\n\n## 3. Global models\n\nContoso may update this policy.\n\n"
listed = diff_changes(base + "Contoso trains global models on aggregated Customer Data, except the content of files.\n",
                      base + "Contoso trains global models on aggregated Customer Data, except the content of files and direct messages.\n")
check("an item added to 'except' narrows the use and says what is left out",
      [c["change"] for c in listed] == ["scope_narrowed"] and "leaves out" in listed[0]["summary"] and "direct messages" in listed[0]["summary"])
listed = diff_changes(base + "Contoso personnel will not access Customer Content except at your request or as required by law.\n",
                      base + "Contoso personnel will not access Customer Content except at your request, to investigate content flagged by our automated tools, or as required by law.\n")
check("a new purpose among the exceptions to staff access is a change in data use", [c["change"] for c in listed] == ["other_data_use"])
listed = diff_changes(base + "Contoso trains global models on aggregated Customer Data.\n",
                      base + "Contoso trains global models on aggregated Customer Data. A Workspace Owner can opt the entire workspace out of global model training under Admin Settings.\n")
check("a sentence that opens with the way out is an opt-out, held by the workspace owner",
      [c["change"] for c in listed] == ["opt_out_added"] and "held by the account owner" in listed[0]["summary"])
listed = diff_changes(base + "Contoso trains global models on aggregated Customer Data.\n",
                      base + "Contoso trains global models on aggregated Customer Data. Individual Authorised Users cannot opt out separately.\n")
check("users who cannot opt out hold no choice", not any(c["change"] == "consent_holder_changed" for c in listed))
listed = diff_changes(base + "Our staff may view samples of Customer Data used to train global models.\n",
                      base + "Our staff will not view samples of Customer Data used to train global models.\n")
check("staff who will no longer view data used to train is a change in data use, not in training",
      [c["change"] for c in listed] == ["other_data_use"])

# Written after the third held-out round (Brightroom, Notiza, Quillpost; tests' own wording):
# a limit dropped widens the use, in German too; a definition that takes in what is derived from
# content widens it; an exception added to a promise narrows the promise; a sentence that only
# gains a "No" now denies the use; the holder of a German consent; a way out in German.
base = "# Contoso Terms\n\n## 3.2 How Assist processes Customer Content\n\n"
listed = diff_changes(base + "Assist processes Customer Content solely to generate the transcripts, summaries and other results that you request.\n",
                      base.replace("Assist", "AI Companion") + "AI Companion processes Customer Content to generate the Outputs that you request and to improve AI Companion.\n")
check("'solely to generate' becoming 'to generate ... and to improve AI Companion' widens the use, from no training to training",
      [(c["change"], c["old_stance"], c["new_stance"]) for c in listed] == [("scope_widened", "prohibits", "permits")])
base = "# Datenschutzerklärung\n\n## 4.1 Bereitstellung\n\n"
listed = diff_changes(base + "Audioaufnahmen verarbeiten wir dabei ausschließlich zur Erstellung Ihrer Transkripte und Zusammenfassungen.\n",
                      base + "Audioaufnahmen verarbeiten wir dabei insbesondere zur Erstellung Ihrer Transkripte und Zusammenfassungen.\n")
check("German 'ausschließlich' becoming 'insbesondere' widens the use", [c["change"] for c in listed] == ["scope_widened"])
base = "# Contoso Terms\n\n## 1. Definitions\n\n"
listed = diff_changes(base + "- **“Usage Data”** means technical information about how the Services are used, such as device type and call-quality metrics.\n",
                      base + "- **“Usage Data”** means technical information about how the Services are used, such as device type and call-quality metrics, together with information that the Services derive from Customer Content, such as speaker talk time.\n")
check("a definition that now takes in what is derived from content widens it", [c["change"] for c in listed] == ["scope_widened"])
base = "# Contoso Terms\n\n## 3.5 No training on Customer Content\n\n"
listed = diff_changes(base + "Contoso does not use Customer Content to train machine learning models, except Feedback that you submit.\n",
                      base + "Contoso does not use Customer Content to train machine learning models, except (a) Feedback that you submit and (b) Customer Content from meetings hosted on a Free Plan.\n")
check("an exception added to a promise not to train narrows the promise and says what it leaves out",
      [c["change"] for c in listed] == ["scope_narrowed"] and "Free Plan" in listed[0]["summary"])
base = "# Contoso Addendum\n\n## 2.3 Smart Compose\n\n"
listed = diff_changes(base + "Text that you type into the compose window, including drafts that you never send, is used by Contoso to improve the suggestions.\n",
                      base + "No text that you type into the compose window, including drafts that you never send, is used by Contoso to improve the suggestions.\n")
check("a sentence that only gains a 'No' now denies the use", [c["change"] for c in listed] == ["other_data_use"] and "does not do" in listed[0]["summary"])
base = "# Politique\n\n## 4. Partage\n\n"
listed = diff_changes(base + "Nous ne vendons pas vos données personnelles.\n", base + "Nous ne vendons jamais vos données personnelles.\n")
check("'pas' for 'jamais' is wording", listed == [])
base = "# Datenschutzerklärung\n\n## 4.3 Sprechererkennung\n\n"
listed = diff_changes(base + "Ein Stimmprofil wird nur erstellt, wenn die betroffene Person in ihren persönlichen Einstellungen ausdrücklich eingewilligt hat.\n",
                      base + "Bei Team- und Unternehmenskonten entscheidet die Administratorin oder der Administrator des Kontos, ob die Sprechererkennung für alle Mitglieder aktiviert wird.\n")
check("in German, the yes moving from the person to the account's administrator", [c["change"] for c in listed] == ["consent_holder_changed"])
base = "# Datenschutzerklärung\n\n## 4.2 Verbesserung unserer Modelle\n\nWir verwenden Ihre Transkripte, um unsere KI-Modelle zu trainieren."
listed = diff_changes(base + "\n", base + " Sie können dieser Verwendung jederzeit in Ihren Kontoeinstellungen widersprechen (Art. 21 Abs. 2 DSGVO).\n")
check("a German way out in a sentence of its own, 'Art.' and 'Abs.' not ending it", [c["change"] for c in listed] == ["opt_out_added"])

# Written after the fourth held-out round (Reunia, Klantwijs, Sonorant; tests' own wording): a
# table's rule row is no heading; a clause number before a bold label is the section; a lone
# "except as set out in Clause 9.4" narrows a promise; retention in Spanish and under a heading
# about keeping data; an opt-out clause after the clause it refers to.
base = "# Policy\n\n## 4. Processors\n\nOur processors are:\n\n| Provider | Service |\n|---|---|\n| Mistral AI SAS | Language models |\n"
listed = diff_changes(base, base + "| Microsoft | Azure OpenAI Service for the Assistant |\n")
check("a row added to a table of processors stays in its section", [c["section"] for c in listed] == ["4. Processors"])
base = "# Terms\n\n## 9. ARTIFICIAL INTELLIGENCE\n\n9.1 **Models.** The Services use speech recognition Models.\n\n"
listed = diff_changes(base + "9.2 **No training.** Provider shall not use Customer Data to train any Model.\n",
                      base + "9.2 **No training.** Provider shall not use Customer Data to train any Model, except as set out in Clause 9.4.\n")
check("a clause number before a bold label names the section, and a lone exception to the promise is a change",
      len(listed) == 1 and listed[0]["section"] == "9.2 No training" and listed[0]["change"] in ("scope_narrowed", "stance_changed"))
base = "# Política de privacidad\n\n## 6. Plazos de conservación\n\n"
listed = diff_changes(base + "Conservamos las transcripciones generadas por el Asistente durante 90 días desde la fecha de la reunión.\n",
                      base + "Conservamos las transcripciones generadas por el Asistente durante 24 meses desde la fecha de la reunión.\n")
check("a Spanish retention period changed", [c["change"] for c in listed] == ["retention_changed"])
base = "# Privacyverklaring\n\n## 6. Hoe lang bewaren wij uw gegevens?\n\n"
listed = diff_changes(base + "- Chatgesprekken: 12 maanden na het laatste bericht.\n", base + "- Chatgesprekken: 24 maanden na het laatste bericht.\n")
check("a span of time under a heading about keeping data is a retention change", [c["change"] for c in listed] == ["retention_changed"])
base = "# Terms\n\n## 9. AI\n\n9.4 **De-identified Data.** Provider may use De-identified Data to train its Models.\n"
listed = diff_changes(base, base + "\n9.5 **Opt-out.** Customer may opt out of the use described in Clause 9.4 by written notice. The opt-out takes effect thirty days after receipt.\n")
check("an opt-out clause after the clause it refers to is one way out", [c["change"] for c in listed] == ["opt_out_added"])
base = "# DPA\n\n## 3. Processing\n\n"
listed = diff_changes(base + "3.1 We process Customer Data solely for the purpose of providing the Services.\n",
                      base + "3.1 We process Customer Data for the purpose of providing the Services.\n")
check("'solely for the purpose of providing' dropped: from no training to not said", [(c["change"], c["old_stance"]) for c in listed] == [("scope_widened", "prohibits")])

base = "# Política de privacidad\n\n## 3.3 Mejora de modelos\n\nPara entrenar y mejorar nuestros modelos de IA utilizamos los siguientes datos:\n\na) las métricas técnicas de calidad de audio;\nb) las valoraciones que usted haga de los resúmenes"
listed = diff_changes(base + ".\n", base + ";\nc) las correcciones que usted introduzca manualmente en las transcripciones.\n")
check("an item added to the list a training sentence opens widens what it covers, with the training sentence's stance",
      [(c["change"], c["old_stance"], c["new_stance"]) for c in listed] == [("scope_widened", "permits", "permits")])
base = "# Privacyverklaring\n\n## 3.3 Modellen\n\nWij gebruiken chatgesprekken om onze taalmodellen te trainen. Uitgezonderd zijn:\n\n"
listed = diff_changes(base + "1. bijlagen die bezoekers uploaden;\n2. gesprekken die als vertrouwelijk zijn gemarkeerd.\n",
                      base + "1. gesprekken die als vertrouwelijk zijn gemarkeerd.\n")
check("an item dropped from what a training sentence leaves out widens it", "scope_widened" in [c["change"] for c in listed])

# Midjourney's terms (Open Terms Archive, 22 December 2023 -> 13 August 2024): the licence now
# also goes to its affiliates; the same terms and the same words otherwise.
base = "# Terms\n\n## 4. Content Rights\n\nBy using the Services, You grant to Midjourney, its "
tail = "successors, and assigns a perpetual, worldwide, non-exclusive, royalty-free, irrevocable copyright license to reproduce and distribute the prompts You input into the Services.\n"
listed = diff_changes(base + tail, base + "affiliates, " + tail)
check("a licence that now also goes to the vendor's affiliates changed, and the sentence says to whom",
      [c["change"] for c in listed] == ["license_changed"] and "affiliates" in listed[0]["summary"])
listed = diff_changes(base + tail, base + tail.replace("successors, and assigns", "successors and assigns"))
check("a comma in the list of who receives a licence is no change", listed == [])
base = "# Conditions\n\n## 4. Contenu\n\nVous accordez à Exemplo et à ses "
tail = " une licence mondiale, non exclusive, gratuite et perpétuelle pour reproduire le contenu que vous publiez.\n"
listed = diff_changes(base + "successeurs" + tail, base + "sociétés affiliées et successeurs" + tail)
check("the same in French: 'ses sociétés affiliées'", [c["change"] for c in listed] == ["license_changed"])

# The kinds a licence named gave way to a catch-all word (Midjourney's terms, 22 December 2023 ->
# 13 August 2024: "distribute text and image prompts You input" -> "distribute the Content You
# input"), and a new definition of that word.
base = "# Terms\n\n## 4. Content Rights\n\nYou grant to Exemplo a perpetual, worldwide, royalty-free license to reproduce and distribute "
prompts = base + "text and image prompts You input into the Services.\n"
content = base + "the Content You input into the Services.\n"
listed = diff_changes(prompts, content)
check("a licence over 'prompts' now over 'the Content' covers more, and says so",
      [c["change"] for c in listed] == ["scope_widened"] and "all content" in listed[0]["summary"] and "prompt" in listed[0]["summary"])
listed = diff_changes(content, prompts)
check("... and the other way round covers less", [c["change"] for c in listed] == ["scope_narrowed"])
base = "# Privacy\n\n## Content from integrations\n\nExemplo employees do not access "
listed = diff_changes(base + "this content, unless required for legal reasons.\n", base + "the contents of email or calendar entries, unless required for legal reasons.\n")
check("in a promise ('do not access this content'), naming the kinds is not a narrower use", listed == [])
definition = ("Inputs, images and other content such as messages, photos, videos, and documents that you provide to the Services "
              "are collectively, \u201cContent\u201d.\n\n")
listed = diff_changes(prompts, prompts.replace("You grant", definition + "You grant").replace("text and image prompts", "the Content"))
check("a new definition that the changed licence now speaks of is a wider scope too, and says what it takes in",
      sorted(c["change"] for c in listed) == ["scope_widened", "scope_widened"] and
      any("definition" in c["summary"] and "video" in c["summary"] for c in listed))
listed = diff_changes(content, content.replace("You grant", definition + "You grant"))
check("a definition of a word the licence already used is no wider scope", listed == [])

# DeepSeek's privacy policy (Open Terms Archive, 4 July -> 22 December 2025, 22 December 2025 -> 10
# February 2026): a promise about a use of data, a yes asked first, commercial messages.
base = "# Privacy Policy\n\n## What we collect\n\nWe collect the voice inputs and photos you upload."
listed = diff_changes(base + "\n", base + " In addition, we will not extract or mine voiceprint or facial recognition information from your voice inputs or photos.\n")
check("a promise not to extract voiceprints is a change in data use with no training stance",
      [(c["change"], c["old_stance"], c["new_stance"]) for c in listed] == [("other_data_use", None, None)] and "not" in listed[0]["summary"])
base = "# Privacy Policy\n\n## Location\n\nWe use your IP address to estimate your region for security reasons."
listed = diff_changes(base + "\n", base + " We will not obtain your precise geolocation information through other means without your explicit consent.\n")
check("'not ... without your explicit consent' added is an opt-in, with no training stance",
      [(c["change"], c["old_stance"], c["new_stance"]) for c in listed] == [("opt_in_added", None, None)])
listed = diff_changes(base + "\n", base + " Before you share other people's personal data with us, ensure you have obtained their explicit consent.\n")
check("a yes the user must get from others is no opt-in", "opt_in_added" not in [c["change"] for c in listed])
base = ("# Privacy Policy\n\n## How we use your data\n\nWe use your personal data for the following purposes:\n\n"
        "* To provide and maintain the Services.\n* To communicate with you, including to provide customer support and send you other service-related messages")
listed = diff_changes(base + ".\n", base + " or commercial messages.\n")
check("'or commercial messages' added to a list of uses of personal data is the company's own marketing",
      [c["change"] for c in listed] == ["other_data_use"] and "marketing" in listed[0]["summary"])
listed = diff_changes(base + ".\n", base + " or other messages.\n")
check("... and 'or other messages' is wording", listed == [])
two_sentence_items = base.replace("* To provide and maintain the Services.", "* To provide and maintain the Services. Such as creating the accounts and providing user support.")
listed = diff_changes(two_sentence_items + ".\n", two_sentence_items + " or commercial messages.\n")
check("... also after an item of two sentences (the second is the item's, not the list's lead-in)",
      [c["change"] for c in listed] == ["other_data_use"] and "marketing" in listed[0]["summary"])
base = "# Politique de confidentialité\n\n## Partage\n\nNous partageons vos données avec nos prestataires d'hébergement."
listed = diff_changes(base + "\n", base + " Nous pouvons aussi communiquer vos données aux autorités fiscales.\n")
check("a French disclosure to the tax authorities added", [c["change"] for c in listed] == ["other_data_use"] and "autorités fiscales" in listed[0]["summary"])
base = "# Datenschutzerklärung\n\n## Weitergabe\n\nWir geben Ihre Daten an unsere Hosting-Dienstleister weiter."
listed = diff_changes(base + "\n", base + " Wir nutzen Ihre Daten auch für Werbung.\n")
check("a German use for advertising added", [c["change"] for c in listed] == ["other_data_use"] and "marketing" in listed[0]["summary"])
base = "# Privacy Policy\n\n## How we use data\n\nWe use your personal data to provide the Services"
listed = diff_changes(base + ".\n", base + " and to prevent fraud.\n")
check("'to prevent fraud' added is no promise about data", "other_data_use" not in [c["change"] for c in listed] or
      all("does not" not in c["summary"] for c in listed))
base = "# Privacy Policy\n\n## Health data\n\nWe offer integrations with health apps."
listed = diff_changes(base + "\n", base + " We will not process your health data unless we obtain your explicit consent.\n")
check("the company obtaining your explicit consent is an opt-in", "opt_in_added" in [c["change"] for c in listed])
base = "# Terms\n\n## 4. Content Rights\n\nYou grant to Exemplo a perpetual, worldwide, royalty-free license to reproduce and distribute "
listed = diff_changes(base + "text and image prompts You input into the Services.\n", base + "the outputs the Services return to You.\n")
check("prompts swapped for outputs is no catch-all", all("covers all" not in c["summary"] for c in listed))

# Google's French terms (Open Terms Archive, 5 January 2022 -> 22 May 2024): a ban on the user
# training models on Google's output, an item of a list whose lead-in bans the reader ("Vous ne
# devez pas ... Par exemple :", the examples' own lead-in after it).
base = ("# Conditions\n\n## Ne pas utiliser nos services de façon abusive\n\nVous ne devez pas utiliser nos services de manière abusive. "
        "Par exemple :\n\n* En introduisant des logiciels malveillants\n")
listed = diff_changes(base, base + "* En utilisant du contenu généré par IA par le biais de nos services pour développer des modèles de machine learning\n")
check("a ban on users training on the output, under 'Par exemple :' after the ban, is not about your data", listed == [])

# Anthropic's privacy policy (Open Terms Archive, January -> July 2026): a sentence that only
# points elsewhere, a changed item of a training list, a table row's data cell.
base = "# Privacy\n\n## 2. How our models are trained\n\nWe train our models on public data and on conversations of users who opt in.\n"
listed = diff_changes(base, base + "\nWe've described the stages of model training in more detail in Section 4 below.\n")
check("a sentence that points to another section is no new training clause", listed == [])
pointer = "\nSee our Model Policy for more details on the data used to train our models"
listed = diff_changes(base + pointer + ".\n", base + pointer + ", and the different stages of development.\n")
check("an aside added to a pointer is wording", listed == [])
base = ("# Privacy\n\n## Sources\n\nWe may obtain personal data from the following sources in order to train our models:\n\n"
        "*   Publicly available information via the Internet\n")
old_item = "*   Datasets that we obtain through agreements with third party businesses\n"
listed = diff_changes(base + old_item, base + "*   Third Party Datasets that we purchase, are made openly available, or that we obtain through agreements with third party organizations\n")
check("an item of a training list that now names more sources widens it, with the lead-in's stance",
      [(c["change"], c["old_stance"], c["new_stance"]) for c in listed] == [("scope_widened", "permits", "permits")] and "openly available" in listed[0]["summary"])
listed = diff_changes(base + old_item, base + old_item.replace("businesses", "organizations"))
check("... one word swapped in it is wording", listed == [])
table = ("# Privacy\n\n## 10. Legal Bases\n\n| Purpose | Data | Legal basis |\n| --- | --- | --- |\n"
         "| To improve the Services (including model training). | *   Feedback<br>*   Inputs and Outputs | *   Consent |\n")
listed = diff_changes(table, table.replace("*   Feedback<br>", "*   Feedback<br>*   Study Participation Data<br>"))
check("data added to a table row whose purpose is training widens it, with the row's stance",
      [(c["change"], c["old_stance"], c["new_stance"]) for c in listed] == [("scope_widened", "permits", "permits")] and "Study Participation Data" in listed[0]["summary"])
excluding = table.replace("(including model training)", "(excluding model training)")
listed = diff_changes(excluding, excluding.replace("*   Feedback<br>", "*   Feedback<br>*   Study Participation Data<br>"))
check("... and a row's other cells are not what its purpose leaves out", [c["change"] for c in listed] == ["scope_widened"])
for dropped in ("We do not actively set out to collect personal data to train our models.", "We do not use your personal data to train our models."):
  base = "# Privacy\n\n## 3. Collection and sharing\n\n" + dropped + "\n\nWe may share your personal data with our hosting providers.\n"
  listed = diff_changes(base, base.replace(dropped + "\n", "").replace(
      "hosting providers.", "hosting providers. We may share your personal data with government authorities where the law requires it."))
  check("a training sentence dropped is not quoted against a disclosure added beside it: " + dropped,
        [(c["change"], c["new"]) for c in listed if c["change"] == "ai_clause_removed"] == [("ai_clause_removed", None)])
base = "# Privacy\n\n## 3. Collection and sharing\n\nWe do not actively set out to collect personal data to train our models.\n\nWe may share personal data with our hosting providers.\n"
listed = diff_changes(base, base.replace("We do not actively set out to collect personal data to train our models.\n", "").replace(
    "hosting providers.", "hosting providers. We may share personal data with government authorities where the law requires it."))
check("a training sentence dropped is not quoted against a disclosure added beside it",
      [(c["change"], c["new"]) for c in listed if c["change"] == "ai_clause_removed"] == [("ai_clause_removed", None)])

# Anthropic's privacy policy of July 2026 (Open Terms Archive): identity verification, new kinds
# of data collected that the old version never names.
base = "# Privacy Policy\n\n## 1. Collection\n\nWe collect your account details and the messages you send.\n"
verification = ("\nIf you choose to verify your identity, data we will collect includes, depending on the method: an image of your "
                "government-issued identity document and the information appearing on it.\n")
listed = diff_changes(base, base + verification)
check("kinds of data collected that the old version never names are a change in data use, quoted where they are named",
      [(c["change"], c["old_stance"], c["new_stance"]) for c in listed] == [("other_data_use", None, None)] and
      "identity document" in listed[0]["summary"] and listed[0]["new"]["text"].startswith("an image of your government-issued"))
listed = diff_changes(base + verification, base + verification + "\nWe may collect an image of your identity document again when you change your plan.\n")
check("... and the same kinds named again are not", listed == [])
listed = diff_changes(base, base + "\nWe never collect your health data or your precise location.\n")
check("... nor kinds the company says it does not collect (that is a promise)", all("did not name" not in c["summary"] for c in listed))

# Anthropic's privacy policy of July 2026 (Open Terms Archive): a new section that describes how
# training works ("Training our models involves a number of separate stages, but broadly these
# fall into two steps: (1) pre-training and (2) post-training.") names no one's data.
base = "# Privacy\n\n## 2. Training\n\nWe may use your conversations to train our models unless you opt out.\n"
stages = "\nTraining our models involves a number of separate stages, but broadly these fall into two steps: (1) pre-training and (2) post-training.\n"
check("a description of training's stages, with no data named, is no new training clause", diff_changes(base, base + stages) == [])
check("... nor its removal", diff_changes(base + stages, base) == [])
listed = diff_changes(base, base + "\nWe may also use your feedback to train our models.\n")
check("... while a new training sentence that names data is one", [c["change"] for c in listed] == ["new_ai_clause"])

# X's privacy policy, 29 September 2023 -> 28 July 2025 (Open Terms Archive): a new paragraph lets
# the companies X shares data with train their own models, unless you opt out.
base = "# Privacy\n\n## 3.2 Sharing\n\nWe share your information with service providers who process it for us.\n"
collaborators = ("\nIf you do not opt out, in some instances the recipients of the information may use it for their own independent "
                 "purposes, including, for example, to train their artificial intelligence models, whether generative or otherwise.\n")
listed = diff_changes(base, base + collaborators)
check("other companies training their own models on shared data are third-party models added, with the way out",
      sorted((c["change"], c["new_stance"]) for c in listed) == [("opt_out_added", "permits"), ("third_party_models_added", "permits")])

# Doubao's user agreement, 9 December 2024 -> 5 March 2025 (Open Terms Archive): a whole clause in
# bold is no heading, the ideographic full stop ends a sentence, and a licence split into an
# ownership sentence and the licence is not a licence gone.
old_82 = ("**8.2 你理解并同意，对于你通过本软件及相关服务输入、生成、发布、传播的信息内容之全部或部分（合称“信息内容”），你授予公司和/或关联方"
          "一项免费的、全球范围内的、永久的、可转让的、可分许可及再许可的使用权，以使公司对该信息内容进行存储、使用、复制、修订、编辑、发布、展示、"
          "翻译、分发上述生成内容或制作派生作品等使用，包括但不限于模型和服务优化、相关研究、品牌推广与宣传、市场营销、用户调研。**\n")
new_82 = ("**8.2 你理解并同意，你使用本软件及相关服务过程中上传、发布的全部内容归属于你，均不因为上传、发布行为对自己的内容所拥有的权利发生任何改变。"
          "同时，为了提升你使用本软件及相关服务的用户体验、使你的内容得到更好的分享和推广，你授予公司和/或关联方一项免费的、全球范围内的、可转让的、"
          "可分许可及再许可的使用权，在法律允许的范围内使用你的内容，例如用于模型服务优化、品牌推广与宣传。**\n")
head = "# 用户协议\n\n## 8、知识产权\n\n"
listed = diff_changes(head + old_82, head + new_82)
check("a Chinese licence in bold that no longer says perpetual is one licence change, quoted from the licence sentence",
      [c["change"] for c in listed if c["change"] == "license_changed"] == ["license_changed"] and listed[0]["new"]["text"].startswith("同时") and
      "never ends" in listed[0]["summary"] and
      all(c["change"] in ("license_changed", "scope_narrowed") for c in listed))

# Grammarly's privacy policy, 20 August -> 8 November 2024 (tosdr-versions): a new state-law
# notice repeats a sentence the policy already says (and said before) word for word.
retain = "We retain personal data for as long as necessary to provide our products to you, to complete the transactions you have requested, and to comply with our legal obligations."
base = "# Privacy\n\n## How Long We Keep Data\n\n" + retain + "\n"
listed = diff_changes(base, base + "\n## California Notice\n\n" + retain + "\n")
check("a sentence said word for word in both versions, repeated in a new section, is no change", listed == [])
listed = diff_changes(base, base + "\n## California Notice\n\nWe retain personal data for 10 years.\n")
check("... while a new retention sentence is one", [c["change"] for c in listed] == ["retention_changed"])

# The same policy's headings as the capture stores them: a title underlined across a blank line,
# titles in italics, and a plain paragraph after a list of labelled items.
old_doc = ("# Privacy\n\n## Your rights\n\n* **Move your data out.** You can download your documents.\n\n"
           "To exercise any other rights, contact us.\n\nCalifornia Notice at Collection\n\n" + "-" * 40 + "\n\nSome states grant rights.\n\n"
           "_Retention_\n\nWe keep data while your account is open.\n")
listed = diff_changes(old_doc, old_doc.replace("while your account is open.", "for 10 years."))
check("a title underlined across a blank line and an italic title name the section",
      [c["section"] for c in listed] == ["Privacy > California Notice at Collection > Retention"])
listed = diff_changes(old_doc, old_doc.replace("To exercise any other rights, contact us.", "To exercise any other rights, contact us. We retain your requests for 5 years."))
check("a plain paragraph after a list of labelled items is not under the last item's label",
      [c["section"] for c in listed] == ["Privacy > Your rights"])

# X's privacy policy, September 2023 -> July 2025: the Digital Advertising Alliance's opt-out from
# interest-based advertising is gone.
daa = ("X adheres to the Digital Advertising Alliance Self-Regulatory Principles for Online Behavioral Advertising and respects the "
       "DAA's consumer choice tool for you to opt out of interest-based advertising at https://optout.aboutads.info/.")
base = "# Privacy\n\n## 5. Take Control\n\nYou can change your settings at any time.\n"
listed = diff_changes(base + "\n" + daa + "\n", base)
check("a way out of interest-based ads that the new version offers nowhere is a change in data use",
      [(c["change"], c["summary"]) for c in listed] == [("other_data_use", "It no longer offers a way to opt out.")])
listed = diff_changes(base + "\n" + daa + "\n", base + "\nYou can opt out of interest-based advertising in your settings.\n")
check("... not where the new version still offers one", all(c["summary"] != "It no longer offers a way to opt out." for c in listed))

# Grammarly's privacy policy of 8 November 2024 and X's of 28 July 2025: guesses about you from
# your data, told once per paragraph, quoted where they are told.
base = "# Privacy\n\n## What We Collect\n\nWe collect your account details.\n"
inferences = ("\n* **Inferences**. We may also derive information or draw inferences about you based on the information we collect. "
              "For example, we may infer the industry you work in based on your writing and other metadata.\n")
listed = diff_changes(base, base + inferences)
check("a new paragraph of guesses about you is one change in data use, quoted where it is first told",
      [(c["change"], c["new_stance"]) for c in listed] == [("other_data_use", None)] and "guess or decide things about you" in listed[0]["summary"] and
      "draw inferences" in listed[0]["new"]["text"])
listed = diff_changes(base, base + "\nNous pouvons inférer votre secteur d'activité à partir de vos textes.\n")
check("... in French too", [c["change"] for c in listed] == ["other_data_use"] and "guess" in listed[0]["summary"])
listed = diff_changes(base, base + "\nWe do not use or disclose such information for the purpose of inferring characteristics about you.\n")
check("... while a promise not to guess is a promise", all("guess" not in c["summary"] for c in listed))
ads = ("\n* **Advertising partners**. We engage other companies to serve advertisements. In addition, we may work with advertising partners to "
       "translate other identifiers, such as your email address, into a unique identifier that such partners can then use to show ads. "
       "These disclosures to advertising partners may constitute sharing under certain privacy laws.\n")
listed = diff_changes(base, base + ads)
told = [c for c in listed if "advertising partners" in c["summary"]]
check("a disclosure told in several sentences of one new paragraph is one change",
      len(told) == 1 and "advertising partners to translate" in told[0]["new"]["text"])

# X's July 2025 policy says "We do not knowingly collect personal information from children under
# 13." in two places, both new: told once. A short table cell repeated in another row is not a repeat.
base = "# Privacy\n\n## 1. Collection\n\nWe collect your account details.\n\n## 7. Audience\n\nOur services are for adults.\n"
kids = "We do not knowingly collect personal information from children under 13."
listed = diff_changes(base, base.replace("details.", "details. " + kids).replace("adults.", "adults. " + kids))
check("a new sentence said twice in the new version is told once", len(listed) == 1)
listed = diff_changes(table, table.replace("*   Feedback<br>", "*   Feedback<br>*   Study Participation Data<br>") +
                      "| To run research studies. | *   Study Participation Data | *   Consent |\n")
check("... while a table cell repeated in another row still counts for its row", "scope_widened" in [c["change"] for c in listed])

# X's privacy policy, May -> September 2023: an item added to a list whose items end with
# semicolons, however long, widens whom data is shared with.
providers = ("We may share your information with our service providers that perform functions and provide services on our behalf, "
             "including payment services providers who facilitate payments; service providers that host our various blogs and wikis; "
             "service providers that help us understand the use of our services; and those that provide fraud detection services.")
base = "# Privacy\n\n## 3.2 Sharing\n\n"
listed = diff_changes(base + providers + "\n", base + providers.replace(
    "services; and those", "services; applicant tracking system providers to send and receive applicant and job data to potential employers; and those") + "\n")
check("an item added to a list of semicolon items widens it, named in the summary",
      [c["change"] for c in listed] == ["scope_widened"] and "applicant tracking system providers" in listed[0]["summary"])

# Review of the steps above: what they must not do.
base = "# Privacy\n\n## 2. Use\n\nWe collect your account details.\n"
listed = diff_changes(base, base + "\nWe use your content to train our models and may share it with AI model providers.\n")
check("the company's own training beside model providers it shares with is a new AI clause, not other companies' training",
      "third_party_models_added" not in [c["change"] for c in listed] and "new_ai_clause" in [c["change"] for c in listed])
listed = diff_changes(base + "\nWe train our models on your chats unless you opt out.\n", base)
check("a dropped training sentence that names its way out is an AI clause removed",
      [c["change"] for c in listed] == ["ai_clause_removed"])
listed = diff_changes(base + "\nWe may infer your industry based on your writing.\n",
                      base + "\nWe may infer your industry based on your writing, but we never sell it to anyone.\n")
check("a guess about you kept beside a new 'never' is not a guess gone", all("guess" not in c["summary"] for c in listed))
listed = diff_changes(base, base + "\nNous pouvons déduire les frais de votre paiement.\n")
check("'déduire' (deduct) a fee is no guess about you", all("guess" not in c["summary"] for c in listed))
ruled = "# Privacy\n\n## 3. Retention\n\n* We keep your chat messages for 30 days\n\n" + "-" * 20 + "\n\nWe keep other data for a year.\n"
listed = diff_changes(ruled, ruled.replace("30 days", "90 days"))
check("a list item above a rule is no heading: its change is still seen", listed != [])
merged_old = ("# Terms\n\n## 8. Content\n\nYou grant us a perpetual licence to use your content. "
              "You also grant us a worldwide licence to copy your content.\n")
merged_new = "# Terms\n\n## 8. Content\n\nYou own your content, and we use it to provide the service and to copy it.\n"
listed = diff_changes(merged_old, merged_new)
check("a licence lost from two sentences merged into one is still lost", "license_changed" in [c["change"] for c in listed])
long_cell = "Data provided through the Development Partner Program by members"
rows = ("# Privacy\n\n## 10. Legal Bases\n\n| Purpose | Data | Legal basis |\n| --- | --- | --- |\n"
        "| To improve the Services (including model training). | *   Feedback<br>*   " + long_cell + " | *   Consent |\n"
        "| To build new models (including model training). | *   Feedback | *   Consent |\n")
listed = diff_changes(rows, rows.replace("| To build new models (including model training). | *   Feedback |",
                                         "| To build new models (including model training). | *   Feedback<br>*   " + long_cell + " |"))
check("a long table cell repeated in another row counts for that row",
      any(c["new"] and long_cell in c["new"]["text"] for c in listed))

# X's privacy policy, 18 May -> 29 September 2023 (Open Terms Archive): "Tweets" renamed "posts",
# "Twitter" renamed "X"; no data came in. A word of data swapped for another is still compared.
renamed_old = ("# Privacy\n\n## 1. Information We Collect\n\nYou can also choose to share your location in your profile and "
               "Tweets, and to upload your address book to Twitter to help find people you may know.\n")
listed = diff_changes(renamed_old, renamed_old.replace("Tweets", "posts").replace("Twitter", "X"))
check("a product's word renamed ('Tweets' -> 'posts') widens no scope", listed == [])
swapped_old = "# Terms\n\n## 10. Data\n\nWe may use your audio to train our artificial intelligence models.\n"
listed = diff_changes(swapped_old, swapped_old.replace("audio", "video"))
check("a word of data swapped for another is still a change of scope", listed != [])

# X's privacy policy, 18 May -> 29 September 2023: "(e.g., TwitterLive or Spaces)" -> "(e.g., Spaces)",
# with "Tweets" -> "Posts" in the same sentence: examples in a bracket change no scope.
examples_old = ("# Privacy\n\n## 1. Usage Information\n\nTweets and other content you post (including the date, application, "
                "and version of Twitter) and information about your broadcast activity (e.g., TwitterLive or Spaces), "
                "including broadcasts you've created, which we use to improve our services.\n")
examples_new = examples_old.replace("Tweets", "Posts").replace("of Twitter", "of X").replace("TwitterLive or ", "")
listed = diff_changes(examples_old, examples_new)
check("an example dropped from an 'e.g.' bracket changes no scope", listed == [])
listed = diff_changes(examples_old, examples_old.replace("(e.g., TwitterLive or Spaces)", "(e.g., Spaces)").replace(
    "including broadcasts", "including your voice recordings, broadcasts"))
check("data added outside the bracket is still a change", any(c["change"] == "scope_widened" for c in listed))

# Microsoft Copilot's terms, October 2024 -> October 2025 (Open Terms Archive): the licence is now
# granted as a list of uses with no word for a licence, and its "permission" is no yes asked first.
copilot_old = ("# Terms\n\n## Ownership of Content\n\nBy using the Online Services you are granting Microsoft, its affiliated "
               "companies and third party partners a worldwide, royalty-free, sublicensable license to use, copy, distribute "
               "and display the Prompts and Creations.\n")
copilot_new = ("# Terms\n\n## Ownership of Content\n\nBy using Copilot, you grant us permission to use Your Content, which means "
               "we can copy, distribute, transmit, publicly display, publicly perform, edit, translate, and reformat it, and we "
               "can give those same rights to others who work on our behalf.\n\nThe Microsoft Privacy Statement explains how we "
               "use Your Content, and the privacy options in Copilot give you control over some of those uses.\n")
listed = diff_changes(copilot_old, copilot_new)
kinds = [c["change"] for c in listed]
check("a licence granted as a list of uses is still a licence, changed not gone",
      "license_changed" in kinds and not any("is gone" in c["summary"] for c in listed))
check("a licence's 'permission' is no opt-in", "opt_in_added" not in kinds)
check("'give you control over some of those uses' is a way out", "opt_out_added" in kinds)

# Stack Overflow's terms, new "12. AI Addendum" of 13 November 2025 (Open Terms Archive): the
# third-party AI services "do not use the input content or prompts for training their machine learning
# models" is theirs, not Stack Overflow's; the section speaks of them once per thing it says; a use of
# the AI inputs for product development says nothing of training.
so_old = "# Public Network Terms of Service\n\n## 11. General\n\nStack Overflow may update these terms.\n"
so_new = so_old + ("\n## 12. AI Addendum\n\n### a. AI Feature Inputs & Outputs\n\nSubject to the rules and restrictions of our "
                   "Privacy Policy, this includes the right for Stack Overflow to use the AI Inputs for analytics, product "
                   "development, and product improvement.\n\n### b. Third Party Hosted Models\n\nAI Features utilize third-party "
                   "provided services. We advise you to consult the terms of service and privacy policies of all third-party AI "
                   "services integrated into our platform.\n\n*   They do not use the input content or prompts for training "
                   "their machine learning models.\n*   They do not use the output for training their machine learning models.\n"
                   "*   Our current list of trusted third-party services used for AI Features is available here.\n")
listed = diff_changes(so_old, so_new)
third = [c for c in listed if c["change"] == "third_party_models_added"]
check("other companies' models barred from training are theirs, not the company's",
      not any(c["change"] == "new_ai_clause" and c["new_stance"] == "prohibits" for c in listed) and
      any(c["new_stance"] == "prohibits" and "other companies" in c["summary"] for c in third))
check("a section about other companies' AI is told once per thing it says", len(third) == 2)
check("a use of AI inputs to develop products is an AI clause that says nothing of training",
      any(c["change"] == "new_ai_clause" and "does not say if that trains AI" in c["summary"] for c in listed))
answers = report_answers(so_new)
check("the report does not answer other companies' promise as the company's own training",
      answers.get("train_content", {}).get("answer") == "Not stated." and
      "may not train their own AI" in answers.get("third_party_models", {}).get("answer", ""))
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "so.md")
    open(path, "w", encoding="utf-8").write(so_new.replace("Stack Overflow may update", "Stack Overflow may update. Stack Overflow will tell you. Stack Overflow may"))
    header = run("report", path).stdout.splitlines()[0]
check("a company named in two words is named whole ('Stack Overflow', not 'Overflow')", header.startswith("Stack Overflow:"))

# Anthropic's privacy policy, January -> July 2026 (Open Terms Archive), legal bases table: a cell of
# the model-training row is no earlier version of a cell of the new identity-verification row.
rows_old = ("# Privacy\n\n## 10. Legal Bases\n\n| Purpose | Data | Legal basis |\n| --- | --- | --- |\n"
            "| To improve the Services and conduct research (including model training). | *   Feedback<br>*   Inputs and Outputs "
            "| *   Consent (when users submit Feedback)<br>*   Legitimate interests |\n")
rows_new = (rows_old.replace("Consent (when users submit Feedback)", "Consent") +
            "| To verify your identity and prevent fraud. | *   Verification Data | *   Consent (for example where you choose to "
            "verify your identity using biometric data) |\n")
listed = diff_changes(rows_old, rows_new)
check("a table cell is paired only with a cell of the same row",
      not any(c["old"] and c["new"] and "Feedback" in c["old"]["text"] and "biometric" in c["new"]["text"] for c in listed))

# Doubao's user agreement 8.2, December 2024 -> March 2025 (Open Terms Archive): the purposes of the
# licence, an enumeration with no spaces, lost items; each enumeration that lost some is one change.
doubao_old = ("# 用户协议\n\n## 8、知识产权\n\n你授予公司一项免费的、全球范围内的、可转让的使用权，以使公司对该信息内容进行存储、使用、复制、"
              "修订、编辑、发布等使用，包括但不限于模型和服务优化、相关研究、品牌推广与宣传、市场营销、用户调研。\n")
doubao_new = ("# 用户协议\n\n## 8、知识产权\n\n你授予公司一项免费的、全球范围内的、可转让的使用权，以使公司对该信息内容进行存储、使用、复制、"
              "修订、编辑、发布等使用，例如用于模型服务优化、品牌推广与宣传。\n")
listed = diff_changes(doubao_old, doubao_new)
narrowed = [c for c in listed if c["change"] == "scope_narrowed"]
check("items gone from a Chinese enumeration narrow the scope, named one by one",
      len(narrowed) == 1 and all(x in narrowed[0]["summary"] for x in ("相关研究", "市场营销", "用户调研")) and
      "品牌推广与宣传" not in narrowed[0]["summary"])
check("an unchanged Chinese sentence with an enumeration is no change", diff_changes(doubao_old, doubao_old) == [])

# A yes asked first beside a licence stays an opt-in; only the grant of a licence written as a list of
# uses is not one (a review of the Copilot step).
lic_old = "# Terms\n\n## 5. Content\n\nYou grant Acme a worldwide, royalty-free license to host and display your content.\n"
lic_new = lic_old.replace("your content.", "your content, and Acme will not use it to train AI models unless you give us your permission.")
check("'unless you give us your permission' beside a licence is still an opt-in",
      "opt_in_added" in [c["change"] for c in diff_changes(lic_old, lic_new)])
# A sentence about AI with the reader's content named only to say it is not used is no use of it.
ai_old = "# Terms\n\n## 12. AI\n\nAcme offers AI features.\n"
ai_new = ai_old + ("\nAcme may use artificial intelligence to develop and improve its products, using only data licensed from "
                   "publishers and never your content.\n")
check("a negated mention of your content is no use of what you give the AI",
      not any("lets Acme use what you give its AI" in c["summary"] for c in diff_changes(ai_old, ai_new)))
# "gives you control over your notification sounds" is no way out of a use of data.
ctl_old = "# Privacy\n\n## 3. Use\n\nWe use your content to improve our services.\n"
ctl_new = ctl_old + "\nThe Acme app gives you control over your notification sounds.\n"
check("control over notification sounds is no opt-out", "opt_out_added" not in [c["change"] for c in diff_changes(ctl_old, ctl_new)])

# Grindr's privacy policy (2023 -> 2024, Open Terms Archive): a sentence that named machine learning
# and said nothing of training now names AI training: its stance changed, from unspecified.
ml_old = ("# Privacy\n\n## What we do with your information\n\n* Allow you to enjoy certain Service features (including machine "
          "learning and automated decision making).\n")
ml_new = ml_old.replace("(including machine learning and", "(including machine learning/AI training and")
ml = diff_changes(ml_old, ml_new)
check("machine learning, then machine learning/AI training, is a stance change from unspecified",
      [(c["change"], c["old_stance"], c["new_stance"]) for c in ml] == [("stance_changed", "unspecified", "permits")])
# Speechify's privacy policy (2026): the consent is for humans reading the data, the training is barred.
sp_old = "# Privacy\n\n## Google user data\n\nData from Google Workspace APIs is used only to provide user-facing features.\n"
sp_new = sp_old + ("\nWe do not use it to train generalized AI/ML models, sell it, or transfer it except as needed to provide these "
                   "features, and it is not read by humans except with your consent.\n")
check("a consent for humans reading the data is no consent to train",
      any(c["new_stance"] == "prohibits" for c in diff_changes(sp_old, sp_new)))

# OpenRouter's terms (2026): a note that logging "was enabled by default and may be turned off" under the
# section whose licence covers the logged prompts is a way out of it.
or_old = ("# Terms\n\n## 5.2 Opt-In License for Prompt Logging\n\nIf you have opted into prompt logging, you grant Acme a worldwide, "
          "perpetual, irrevocable, royalty-free license to host, store and display your User Content.\n")
or_new = (or_old.replace("prompt logging, you grant", "prompt logging, chat logging is also enabled, and you grant") +
          "\nNote for accounts created from November 14, 2023 through April 3, 2025: If you created an account with us between the "
          "dates of November 14, 2023 through April 3, 2025, prompt and chat logging was enabled by default and may be turned off in "
          "your dashboard settings.\n")
check("a way out of what a section's licence covers is an opt-out", "opt_out_added" in [c["change"] for c in diff_changes(or_old, or_new)])

# A review of the evening's steps: a switch that names no data is no way out of a licence, and a host's
# switch of another feature is no change of who says yes to training.
dm_new = or_old + "\nDark mode is enabled by default and can be disabled in Settings.\n"
check("dark mode switched off under a licence is no opt-out", "opt_out_added" not in [c["change"] for c in diff_changes(or_old, dm_new)])
host_old = "# Privacy\n\n## 3. AI\n\nAcme uses chats to train our AI models only with your consent.\n"
host_new = "# Privacy\n\n## 3. AI\n\nAcme uses chats to train our AI models.\n\nThe host can turn off the chat for everyone in the meeting.\n"
check("a host's switch of the chat is no change of who says yes to training",
      "consent_holder_changed" not in [c["change"] for c in diff_changes(host_old, host_new)])

# Fireworks AI's privacy notice (Open Terms Archive, 12 November 2025): sections titled in bold
# with an escaped number ("**1\\. KEY PRIVACY COMMITMENTS**"), items opened by a typed bullet
# and a bold label. The section is the title; the quote is the promise, not its label.
fw_head = "# Privacy Notice\n\nWelcome.\n\n**1\\. KEY PRIVACY COMMITMENTS**\n\n"
fw_tail = "\n\n**2\\. CHANGES TO THIS NOTICE**\n\nWe may modify this notice.\n"
fw = diff_changes(fw_head + "We protect your data." + fw_tail,
                  fw_head + "We do not use your prompts to train our AI models without your explicit opt-in." + fw_tail)
check("a bold title with an escaped number names the section", [c["section"] for c in fw] == ["1. KEY PRIVACY COMMITMENTS"])
fw = diff_changes(fw_head + "We protect your data." + fw_tail,
                  fw_head + "*   \u2022**No AI Training on Your Data:** We do not use your prompts, training data, or API inputs to "
                  "train or improve our AI models without your explicit opt-in." + fw_tail)
check("a promise after a typed bullet and its bold label is quoted, not its label",
      any(c["new"] and c["new"]["text"].startswith("We do not use your prompts") for c in fw))

# Page chrome is no clause. Grindr's privacy pages (Open Terms Archive, September 2024) open with
# a line of links to the policy's parts; Fireworks AI's notice (November 2025) ends with "ask an
# AI about this page" links, each an image inside a link.
gr_base = "# Privacy\n\n## 1. Data\n\nWe collect your email address and usage data to provide the Services.\n"
gr_titles = ["Privacy Policy", "Personal Information We Collect And Data Retention", "How We Share Personal Information",
             "Behavioral Advertising", "Cookies and Other Tech", "Third-Parties", "Legal Bases", "Your U.S. State Privacy Rights",
             "South Korean Privacy Rights", "EEA and UK Rep Addresses", "Privacy Rights Requests",
             "Grindr Employee, Contractor, Vendor and Applicant Privacy Policy", "Consumer Health Data Privacy Policy"]
gr_nav = "\n" + "".join("[%s](https://www.grindr.com/privacy-policy/%d)" % (t, k) for k, t in enumerate(gr_titles)) + "\n"
check("a line of links (a page's navigation) is no change", diff_changes(gr_base, gr_base + gr_nav) == [])
fw_ask = ("\n[![ChatGPT](https://cdn.example/chatgpt.svg \"ChatGPT\")ChatGPT](https://chatgpt.com/?q=What%20is%20Fireworks%20AI%2C"
          "%20how%20is%20it%20different%20from%20OpenAI)[![Claude](https://cdn.example/claude.svg \"Claude\")Claude]"
          "(https://claude.ai/new?q=What%20is%20Fireworks%20AI)\n")
check("links to ask other companies' AI about the page are no third-party models", diff_changes(gr_base, gr_base + fw_ask) == [])
# Fireworks AI's notice (August 2023): "We may use personal data we collect to:" then purposes.
# A purpose dropped from the list ("To respond to your emails, comments, ...") names no kind of
# data collected.
fw_use = ("# Privacy\n\n## 3. How we use personal data\n\nWe may use personal data we collect to:\n\n* To provide the Services;\n"
          "* To respond to your emails, comments, questions, or requests for client services;\n* To improve our Services.\n")
fw_dropped = diff_changes(fw_use, fw_use.replace("* To respond to your emails, comments, questions, or requests for client services;\n", ""))
check("a purpose dropped from a list of uses is no kind of data no longer collected",
      not any("comment" in c["summary"] for c in fw_dropped))
# Fireworks AI's notice (November 2025): advice to the reader, not the company's promise.
sec = "# Privacy\n\n## 10. Security\n\nWe protect your information with encryption.\n"
advice = diff_changes(sec, sec + "\nWe recommend that you do not use unsecure channels to send us sensitive or confidential information.\n")
check("'we recommend that you do not use' is no promise of the company's",
      not any("does not do this" in c["summary"] for c in advice))
promise = diff_changes(sec, sec + "\nWe do not sell your personal information to anyone.\n")
check("'we do not sell' still is", any("does not do this" in c["summary"] for c in promise))
# ... and so is a negation after a data word that names whose data it is, not who acts.
customer = diff_changes(sec, sec + "\nWe make sure user content is never sold.\n")
check("'user content is never sold' still is", any("does not do this" in c["summary"] for c in customer))

# Fireworks AI's notice (November 2025): each user's own opt-in, now asked before a use of data
# by AI models that is no training, is an opt-in added; the user deciding for themselves is no
# change of who says yes.
fw_zdr = diff_changes(fw_head + "We protect your data." + fw_tail,
                      fw_head + "We protect your data.\n\nWe do not log or store prompt or generation data for any open models "
                      "without explicit user opt-in." + fw_tail)
check("a user's own opt-in before a use by AI models is an opt-in added",
      [c["change"] for c in fw_zdr] == ["opt_in_added"])

# Bardeen's privacy policy (March 2024) titles its parts "1. **C. Personal Information Collected
# from Other Sources**": a lettered bold title is a title, and rewording it changes no meaning.
bd_body = "\n\nWe receive personal information from partners to provide the Services.\n\n1. **D. Cookies**\n\nWe use cookies.\n"
bd = diff_changes("# Privacy Notice\n\n1. **C. Personal Information Collected from Other Sources**" + bd_body,
                  "# Privacy Notice\n\n1. **C. Personal Information Collected from Other Sources, including 3rd party integrations**" + bd_body)
check("a lettered bold title reworded is no change", bd == [])

# A use for marketing that the old version states elsewhere is no new use where a rewrite pairs
# other sentences (Fireworks AI's notice, 2023 -> 2025); where no sentence of the old version
# speaks of marketing, it is.
mk_tail = ("\n\n## 2. Applications\n\nWe use the information in your job application to evaluate your application "
           "for employment with us.\n")
mk_new_tail = ("\n\n## 2. Applications\n\nWe use this information to evaluate your application and to communicate "
               "with you, including marketing communications.\n")
mk_said = "# Privacy\n\n## 1. Marketing\n\nWe use your email address for marketing and advertising purposes."
mk_none = "# Privacy\n\n## 1. Security\n\nWe protect your email address with encryption."
check("marketing the old version already states elsewhere is no new use",
      not any("ads or marketing" in c["summary"] for c in diff_changes(mk_said + mk_tail, mk_said + mk_new_tail)))
check("marketing the old version states nowhere is a new use",
      any("ads or marketing" in c["summary"] for c in diff_changes(mk_none + mk_tail, mk_none + mk_new_tail)))

mk_added = ("\n\n## 9. Your choices\n\nWe use your personal information to send you personalized advertising and marketing "
            "promotions.\n")
check("a sentence added about marketing the old version already states is no new use",
      not any("ads or marketing" in c["summary"] for c in diff_changes(mk_said + mk_tail, mk_said + mk_tail + mk_added)))
check("a sentence added about marketing the old version never states is a new use",
      any("ads or marketing" in c["summary"] for c in diff_changes(mk_none + mk_tail, mk_none + mk_tail + mk_added)))

# The one-page report on X's 2025 policy: other companies' training is said as theirs.
answers = report_answers("# X Privacy Policy\n\n## 3.2 Sharing\n\n" + collaborators.strip() + "\n")
content = answers.get("train_content", {}).get("answer", "")
check("the report says other companies may train their own AI, not that the service may",
      "other companies that get the data may train their own AI" in content and "may train AI on this data" not in content)

# Codeium's privacy policy (Open Terms Archive, February -> October 2025, renamed Windsurf): a
# disclosure to the reader's employer added, and a GitHub username added to the data collected.
cd_head = "# Privacy Policy\n\n## 4. Will your personal information be disclosed to anyone?\n\n"
cd_share = ("We may share the fact that you have an account and certain Registration Information (such as your email "
            "address) with your employer or organization.\n")
cd_shared = diff_changes(cd_head + "We do not sell your personal information.\n",
                         cd_head + "We do not sell your personal information.\n\n" + cd_share)
check("a disclosure to the reader's employer added is a use of data", [c["change"] for c in cd_shared] == ["other_data_use"])
cd_reg = ("# Privacy Policy\n\n## 1. What personal information do we collect?\n\nWe collect Personal Information that you "
          "voluntarily provide to us, such as your name, email address, phone number, information regarding your role "
          "and work, and password.\n")
cd_user = diff_changes(cd_reg, cd_reg.replace("role and work, and password", "role and work, Github username, and password"))
check("a GitHub username added to what is collected widens the data it covers",
      [c["change"] for c in cd_user] == ["scope_widened"] and "username" in cd_user[0]["summary"])

# X's privacy policy (May -> September 2023, section 4): "Twitter" renamed "X" at a sentence's end.
# "X." was read as an initial, the sentence ran on into the next, and each half was paired with the
# joined one as data newly covered.
x_keep = ("# Privacy\n\n## 4. How Long We Keep Information\n\nWe keep different types of information for different periods "
          "of time:\n\n* We keep your profile information and content for the duration of your account.\n    \n"
          "* Remember public content can exist elsewhere even after you remove it from Twitter. For example, search engines "
          "and other third parties may retain copies of your Tweets longer, based upon their own privacy policies, even after "
          "they are deleted or expire on Twitter. You can read more about search visibility [here](https://help.twitter.com/x).\n"
          "    \n* We may keep certain information longer than our policies specify in order to comply with legal requirements.\n")
x_renamed = x_keep.replace("Twitter", "X").replace("Tweets", "posts").replace("twitter.com", "x.com")
check("a company renamed at a sentence's end ('from X. For example') changes nothing", diff_changes(x_keep, x_renamed) == [])

# A version saved as text wrapped at a width (the negation on one line, "to train" on the next)
# and one wrapped at another width: each line was read as a sentence of its own, so a rewrap
# looked like new clauses and the added "not" was never seen in the sentence it changes.
w_head = "# Terms\n\n## 10. Customer Content\n\n"
w_old = (w_head + "We may use your audio, video, chat and other meeting content to\ntrain and improve our artificial "
         "intelligence models.\nYou can change this in your account settings.\n")
w_new = (w_head + "We do not use your audio, video, chat and other meeting\ncontent to train and improve our artificial "
         "intelligence\nmodels. You can change this in your account settings.\n")
w_changes = diff_changes(w_old, w_new)
check("a negation added to a wrapped paragraph is a stance change of the whole sentence",
      [(c["change"], c["old_stance"], c["new_stance"]) for c in w_changes] == [("stance_changed", "permits", "prohibits")]
      and w_changes[0]["new"]["text"].startswith("We do not use") and w_changes[0]["new"]["text"].endswith("models."))
w_rewrapped = (w_head + "We may use your audio, video, chat and other\nmeeting content to train and improve our\n"
               "artificial intelligence models. You can change this in your account settings.\n")
check("the same paragraph wrapped at another width changes nothing", diff_changes(w_old, w_rewrapped) == [])

# Doctolib's privacy policy (January -> July 2026), a PDF's table with a fragment of a cell on
# each paragraph: the data that trains its AI gains voice recordings and call transcripts.
d_head = "# Politique\n\n## 5. Entraînement des modèles d'IA\n\n"
d_old = (d_head + "Doctolib utilise les données\n\nsuivantes pour entraîner ses\n\nmodèles d'IA : données de\n\n"
         "connexion et d'utilisation de\n\nla Plateforme.\n")
d_new = (d_head + "Doctolib utilise les données suivantes\n\npour entraîner ses modèles d'IA :\n\n"
         "données de connexion et d'utilisation de\n\nla Plateforme, enregistrements vocaux\n\net transcriptions des appels.\n")
d_changes = diff_changes(d_old, d_new)
check("data added to what trains AI, in a paragraph a PDF broke into fragments, widens its scope",
      [c["change"] for c in d_changes] == ["scope_widened"] and "enregistrements vocaux" in d_changes[0]["new"]["text"])

# Replit's terms (December 2024 -> August 2025, C.3): the promise, in the passive, that private
# content "is not used for improving the Service" was dropped; no "we" names who uses it.
r_old = ("# Terms\n\n## C. Content on Replit\n\n### 3. Private Apps\n\nContent in private Repls is not made available to the "
         "public and is not used for improving the Service.\n")
r_changes = diff_changes(r_old, r_old.replace(" and is not used for improving the Service.", "."))
check("a passive promise not to use content for improving, dropped, is listed",
      len(r_changes) == 1 and r_changes[0]["change"] in ("other_data_use", "scope_widened", "stance_changed"))
check("...and the same promise kept is no change", diff_changes(r_old, r_old.replace("Repls", "Apps")) == [])

# Telegram's privacy policy in German (September 2024, 8.5): voice messages' audio may go to
# Google for speech-to-text, another company's speech recognition.
t_old = "# Datenschutz\n\n## 8. Mit wem deine Daten geteilt werden\n\nWir geben deine Daten nicht an Werbetreibende weiter.\n"
t_new = t_old + ("\nDa Telegram bei der Sprache-zu-Text Umwandlung auf eine Drittpartei, Google LLC, zurückgreifen kann, können die "
                 "Audiodaten von Sprachnachrichten an Google weitergegeben werden.\n")
check("another company's speech-to-text for voice messages is third-party AI added",
      [c["change"] for c in diff_changes(t_old, t_new)] == ["third_party_models_added"])

# OpenAI's EU privacy policy (December 2023 -> November 2024, "Business Account Administrators"):
# the sentence that let a business account's administrators control your account now adds that
# they can access your content.
o_old = ("# Privacy\n\n## 4. Disclosure of Personal Data\n\nIf you create an account using an email address owned by an "
         "organization, the administrator of that account may access and control your OpenAI account.\n")
o_new = o_old.replace("the administrator of that account may access and control your OpenAI account.",
                      "the administrators of that account may access and control your OpenAI account, including being able to access "
                      "your Content.")
o_changes = diff_changes(o_old, o_new)
check("someone else's access to your content added as an aside is listed",
      [c["change"] for c in o_changes] == ["scope_widened"] and "access your Content" in o_changes[0]["summary"])

# Telegram's German privacy policy (September 2024): age used to decide what you may see, and
# OpenAI-style location "determined ... based on information like its IP address".
g_old = "# Datenschutz\n\n## 3.1 Optionale Daten\n\nDu kannst dein Profilbild festlegen.\n"
g_new = g_old + ("\nWir können Informationen über dein Alter verwenden, um zu bestimmen, ob du Zugang zu altersspezifischen "
                 "Inhalten hast.\n")
g_changes = diff_changes(g_old, g_new)
check("data used to decide something about you is a use of data, said as such",
      [c["change"] for c in g_changes] == ["other_data_use"] and "decide things about you" in g_changes[0]["summary"])

# OpenAI's EU privacy policy (December 2023 -> November 2024): a sentence split in two that still
# sends data to third-party applications "via custom actions for GPTs" speaks of no other
# company's AI model, before or after (it was listed twice as "no longer speaks of AI models from
# other companies").
a_old = ("# Privacy\n\n## 4. Disclosure\n\nCertain features allow you to display or share information with other users. For "
         "example, you may share conversations with other users via shared links or send information to third-party "
         "applications via custom actions for GPTs.\n")
a_new = ("# Privacy\n\n## 4. Disclosure\n\nCertain features allow you to interact or share information with other users or third "
         "parties. For example, you can share conversations with other users via shared links. You can also send "
         "information to third-party applications, such as via custom actions for GPTs.\n")
check("a third party that makes an app is no maker of AI models",
      not any(c["change"].startswith("third_party_models") for c in diff_changes(a_old, a_new)))
# ... while a third party's models still are.
m_new = a_old.replace("send information to third-party applications via custom actions for GPTs",
                      "send your prompts to third-party AI models for processing")
check("a third party's AI models named are still third-party models",
      "third_party_models_added" in [c["change"] for c in diff_changes(a_old, m_new)])

# Spans of time written in words are retention (ZDF's terms and Petit BamBou's privacy policy,
# Open Terms Archive copies, 2025-2026; held-out diff42).
z_old = "# Newsletter\n\n## Anmeldung\n\nDu kannst dich jederzeit vom Newsletter abmelden.\n"
z_new = z_old + "\nWenn du deine Anmeldung nicht bestätigst, werden deine Informationen gesperrt und nach einem Monat automatisch gelöscht.\n"
check("a span of time in words is a retention (de)", [c["change"] for c in diff_changes(z_old, z_new)] == ["retention_changed"])
p_old = "# Politique\n\n## 10. CONTACT\n\nVous pouvez nous écrire à tout moment.\n"
p_new = p_old + ("\nCe document sera utilisé uniquement aux fins de vérification de l’identité du demandeur et ne sera pas conservé "
                 "au-delà du temps nécessaire au traitement de la demande.\n")
check("no longer than needed is a retention (fr)", "retention_changed" in [c["change"] for c in diff_changes(p_old, p_new)])

# A review of the same evening: a consent said not to be needed is no opt-in, and "once a year"
# is no span of keeping data.
n_old = "# Policy\n\n## AI Assistant\n\nThe AI assistant summarises your meetings.\n"
n_new = n_old + "\nWe do not need your consent to process your messages and audio for this feature.\n"
check("a consent said not to be needed is no opt-in", "opt_in_added" not in [c["change"] for c in diff_changes(n_old, n_new)])
y_old = "# Policy\n\n## Storage\n\nWe keep your files safe.\n"
y_new = y_old + "\nWe review our storage practices once a year.\n"
check("a review once a year is no retention", "retention_changed" not in [c["change"] for c in diff_changes(y_old, y_new)])

# Bolt's privacy policy, rewritten (StackBlitz 2017 -> Bolt 2026, Open Terms Archive; held-out
# diff41): a list of data collected is one change with every kind it names, a retention section
# is one change quoted where it says how long, a security disclaimer promises nothing, and the
# company switching something off is no way out for the reader.
b_old = "# Privacy Policy\n\n## 1. About\n\nThis policy explains our practices.\n"
b_new = b_old + ("\n## 3. Information We Collect\n\nWe collect the following information:\n\n- account registration details (e.g., name, email address),\n"
                 "- billing and payment information,\n- approximate location (such as country).\n"
                 "\n## 11. Data Retention\n\nWe retain personal information for as long as necessary to provide the Services.\n\n"
                 "We will delete such data within a commercially reasonable period following account closure not to exceed thirty days.\n"
                 "\n## 7. Security\n\nHowever, please note that this is not a guarantee that such information may not be accessed, disclosed, "
                 "altered, or destroyed by breach of any of our safeguards.\n\n"
                 "If an account is terminated due to abuse of the Services, we may permanently disable the account and delete associated data.\n")
b_changes = diff_changes(b_old, b_new)
collected = [c for c in b_changes if c["change"] == "other_data_use" and c["section"].endswith("Information We Collect")]
check("a list of data collected is one change", len(collected) == 1 and "payment" in collected[0]["summary"] and "location" in collected[0]["summary"])
kept = [c for c in b_changes if c["change"] == "retention_changed"]
check("a retention section added is one change, quoted where it says how long", len(kept) == 1 and "thirty days" in kept[0]["new"]["text"])
check("a disclaimer of a guarantee is no promise", not any(c["section"].endswith("Security") and c["change"] == "other_data_use" for c in b_changes))
check("the company disabling an account is no opt-out", "opt_out_added" not in [c["change"] for c in b_changes])
# "administrative purposes" is no administrator holding a consent.
e_old = "# Privacy\n\n## Email\n\nWe may use your email address without further consent for non-marketing or administrative purposes.\n"
check("administrative purposes hold no consent", "consent_holder_changed" not in [c["change"] for c in diff_changes(e_old, "# Privacy\n\n## Email\n\nWe write to you.\n")])

# Whose yes counts: "your consent" -> "the consent of users" is a change in terms that speak of a
# customer's users (a review of 7 December 2026 undid reading "users" as the reader).
u_old = "# Terms\n\n## AI\n\nWe will not use content to train models without your consent.\n"
u_new = "# Terms\n\n## AI\n\nWe will not use content to train models without the consent of users.\n"
check("users are not the reader", "consent_holder_changed" in [c["change"] for c in diff_changes(u_old, u_new)])

# BeReal's terms (2023 -> 2026, Open Terms Archive; held-out diff43): promotional SMS and the way
# out of them, "keep using our services after the 30 days" is no retention, and "give BeReal a
# license" is the same licence as "grant BeReal a licence".
s_old = "# Terms\n\n## 1. Account\n\nYou must be 13 to use our services.\n"
s_new = s_old + ("\n## 3. SMS Communications\n\nPromotional SMS. We may occasionally send you promotional SMS messages, for example "
                 "to inform you of special events or exclusive offers.\n\nManaging your preferences. You can withdraw your consent or "
                 "unsubscribe from promotional SMS at any time by disabling them directly in your account settings.\n")
sms = diff_changes(s_old, s_new)
check("marketing messages sent to you are a use of your data",
      any(c["change"] == "other_data_use" and "marketing messages" in c["summary"] for c in sms))
check("unsubscribing from them is a way out", any(c["change"] == "opt_out_added" and "marketing" in c["summary"] for c in sms))
k_old = "# Terms\n\n## 9. General\n\nIf you keep using our services after the 30 days, you are agreeing to our updated User Agreement.\n"
check("going on using the service is no retention", "retention_changed" not in [c["change"] for c in diff_changes(k_old, "# Terms\n\n## 9. General\n\nWe may update these terms.\n")])
g_old = "# T\n\n## Friends-only Content\n\nIf you decide to do that you will need to give BeReal a license to use your Friends Only Content.\n"
g_new = "# T\n\n## Friends-only Content\n\nIf you decide to do so, you will need to grant BeReal a licence to use your Friends-only Content.\n"
check("a licence given is a licence granted", diff_changes(g_old, g_new) == [])

# Malt's French privacy policy (2025, Open Terms Archive; held-out diff44): training named as one
# purpose in a table row whose other cells name the data is a new AI clause.
t_old = ("# Politique\n\n## 5. Données\n\n| Données | Finalités | Données traitées | Base |\n|---|---|---|---|\n"
         "| Données Utilisateur | Pour le support client ; la recherche | Nom et prénom, e-mail et mot de passe | Contrat |\n")
t_new = t_old.replace("Pour le support client ; la recherche", "Pour le support client ; l'entraînement de l'algorithme de matching ; la recherche")
row = diff_changes(t_old, t_new)
check("training added to a table row's purposes is a new AI clause",
      any(c["change"] in ("new_ai_clause", "stance_changed") and c["new_stance"] == "permits" for c in row))

# A review of 7 December 2026: keeping "up to 90 days" is a retention; each span in a new
# retention section is told; a way out the company makes easy is the reader's; a promise before a
# disclaimer still promises; an email about a reported ad is no marketing; an ads opt-out is not
# called one of marketing messages; a sentence that merely mentions "information" beside a
# description of training stages adds no AI clause.
H = "# Policy\n\n## Data\n\nWe protect your data.\n"
check("keeping up to 90 days is a retention", "retention_changed" in [c["change"] for c in diff_changes(H, H + "\nWe keep up to 90 days of your call recordings.\n")])
spans = diff_changes(H, H + "\n## Retention\n\nWe keep call recordings for 30 days.\n\nWe keep transcripts and AI summaries for 10 years.\n")
check("each span of a new retention section is told", [c["change"] for c in spans].count("retention_changed") == 2)
e_base = "# P\n\n## AI\n\nWe use your content to improve our AI models.\n"
check("a way out made easy is the reader's", "opt_out_added" in [c["change"] for c in diff_changes(e_base, e_base + "\nWe make it easy to opt out of this use at any time in Settings.\n")])
check("a promise before a disclaimer still promises",
      "other_data_use" in [c["change"] for c in diff_changes(H, H + "\nWe will not use your voice recordings to create voiceprints, although there is no guarantee that attackers cannot access them.\n")])
check("an email about a reported ad is no marketing",
      diff_changes(H, H + "\nIf you report an advertisement as abusive, we will email you about the outcome.\n") == [])
ads = "# P\n\n## Ads\n\nWe use your data for personalized ads.\n"
check("an ads opt-out is no marketing-messages opt-out",
      not any("marketing messages" in c["summary"] for c in diff_changes(ads, ads + "\nYou can opt out of personalized ads at any time in Settings.\n")))
check("a mention of information beside training stages adds no AI clause",
      diff_changes(H, H + "\nTraining our models involves a number of separate stages. Each stage is described in our research papers, which contain more information.\n") == [])

# DeviantArt's terms (Open Terms Archive; held-out diff44): a ban on other users and outsiders
# training on the reader's content is an AI clause of its own, not the company's suppliers; a
# licence added over two sentences is one licence, told with its terms.
d_old = "# Terms\n\n## 1. Use\n\nYou must follow these Terms.\n"
d_new = d_old + ("\n## 24. Machine Learning\n\nOther users of the Service and third parties accessing the Site are prohibited from "
                 "using such Content to train an artificial intelligence system.\n")
barred = diff_changes(d_old, d_new)
check("outsiders barred from training on your content is a new AI clause",
      [c["change"] for c in barred] == ["new_ai_clause"] and barred[0]["new_stance"] == "prohibits" and "other users" in barred[0]["summary"])
p_new = d_new.replace("Other users of the Service and third parties accessing the Site", "Our AI providers")
check("providers barred from training stay third-party models", [c["change"] for c in diff_changes(d_old, p_new)] == ["third_party_models_added"])
l_new = d_old + ("\n## 27. Seller Content\n\nAs a Seller, you grant DeviantArt a worldwide, nonexclusive right and license, with a right to "
                 "sublicense, to display and distribute Seller Content. You agree that these license rights are granted on a royalty-free basis.\n")
lic = diff_changes(d_old, l_new)
check("a licence over two sentences is one change with all its terms",
      [c["change"] for c in lic] == ["license_changed"] and "worldwide" in lic[0]["summary"] and "passed on" in lic[0]["summary"]
      and "free" in lic[0]["summary"])

# A review of 7 December 2026: suppliers barred from training on users' content are still
# suppliers; a second licence granted anew is a licence of its own.
sup = diff_changes(d_old, d_old + "\n## 25. AI\n\nOur third-party AI providers are prohibited from using content from users of the Service to train their own models.\n")
check("suppliers barred from users' content stay third-party models", [c["change"] for c in sup] == ["third_party_models_added"])
two = diff_changes(d_old, d_old + ("\n## 27. Licences\n\nYou grant Acme a worldwide, non-exclusive license to use, copy and display your Content. "
                                   "You also grant Acme a perpetual, irrevocable, royalty-free license to use any feedback you send us.\n"))
check("a licence granted anew is a change of its own", [c["change"] for c in two] == ["license_changed", "license_changed"])

rel = diff_changes(d_old, d_old + ("\n## 27. Licences\n\nYou grant Acme a worldwide, non-exclusive license to use, copy and display your Content. "
                                   "The license you grant under this section is perpetual, irrevocable and sublicensable.\n"))
check("the licence 'you grant' spoken of again is the same licence", [c["change"] for c in rel] == ["license_changed"])

sys.exit(1 if failures else 0)
