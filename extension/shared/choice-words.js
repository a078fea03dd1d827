// Button words that say what a person answered to a notice dialog, by meaning and language
// (used by content/choices.js). Meeting clients show their buttons in the person's own
// language, so each meaning lists the usual labels of the languages the clients ship.
// Declined is tried before accepted ("Disagree" holds "agree", "nicht zulassen" holds
// "zulassen"), and left before stayed. A phrase's spaces also match commas ("No, thanks").
// Chinese, Japanese and Korean words match inside longer labels (the first two have no spaces
// between words, Korean attaches endings); the others must stand as whole words.
globalThis.consentlensChoiceWords = Object.freeze({
  declined: [
    // en
    'decline', 'disagree', 'reject', 'deny', 'cancel', "don't allow", 'dont allow', 'do not allow', 'do not agree',
    'no thanks', 'not now',
    // de
    'ablehnen', 'abbrechen', 'nicht zulassen', 'nicht erlauben', 'nicht zustimmen', 'nein danke', 'nicht jetzt', 'verweigern',
    // fr
    'refuser', 'annuler', 'ne pas autoriser', "je refuse", 'non merci', 'pas maintenant',
    // es, pt, it, ca
    'rechazar', 'cancelar', 'no permitir', 'no gracias', 'ahora no', 'denegar', 'recusar', 'não permitir', 'não obrigado',
    'agora não', 'negar', 'rifiuta', 'rifiuto', 'annulla', 'non consentire', 'non consento', 'no grazie', 'non ora', 'nega',
    'rebutja', 'cancel·la',
    // nl, sv, da, nb, fi
    'weigeren', 'annuleren', 'niet toestaan', 'nee bedankt', 'niet nu', 'avböj', 'avbryt', 'neka', 'nej tack', 'inte nu',
    'afvis', 'annuller', 'nej tak', 'ikke nu', 'avslå', 'nei takk', 'ikke nå', 'hylkää', 'peruuta', 'ei kiitos', 'ei nyt', 'kiellä',
    // pl, cs, sk, hu, ro, tr
    'odrzuć', 'anuluj', 'nie zezwalaj', 'nie dziękuję', 'nie teraz', 'odmítnout', 'zrušit', 'nepovolit', 'teď ne', 'odmietnuť',
    'zrušiť', 'elutasítás', 'mégse', 'nem most', 'refuză', 'anulează', 'nu acum', 'reddet', 'iptal', 'izin verme',
    'şimdi değil',
    // ru, uk, el
    'отклонить', 'отмена', 'отменить', 'не разрешать', 'нет спасибо', 'не сейчас', 'отказаться', 'відхилити', 'скасувати',
    'не дозволяти', 'ні дякую', 'не зараз', 'απόρριψη', 'ακύρωση', 'όχι τώρα',
    // ja, zh, ko
    '拒否', 'キャンセル', '許可しない', '同意しない', '今はしない', '拒绝', '拒絕', '取消', '不允许', '不允許', '不同意', '暂不', '以后再说',
    '거부', '거절', '취소', '허용 안 함', '동의하지 않음', '나중에',
  ],
  left: [
    'leave', 'exit', 'quit', 'hang up',
    'verlassen', 'auflegen', 'quitter', 'raccrocher', 'salir', 'abandonar', 'colgar', 'sair', 'desligar', 'esci', 'abbandona',
    'lascia', 'surt', 'verlaten', 'ophangen', 'lämna', 'lägg på', 'forlad', 'forlat', 'poistu', 'lähde', 'opuść', 'wyjdź',
    'rozłącz', 'opustit', 'odejít', 'opustiť', 'kilépés', 'elhagyás', 'părăsește', 'ieși', 'ayrıl', 'çık', 'выйти', 'покинуть',
    'вийти', 'покинути', 'αποχώρηση', 'έξοδος',
    '退出', '退室', '离开', '離開', '나가기', '퇴장',
  ],
  accepted: [
    'agree', 'i agree', 'accept', 'allow', 'consent', "i'm ok with", 'im ok with',
    'zustimmen', 'akzeptieren', 'einverstanden', 'erlauben', 'zulassen', 'accepter', "j'accepte", 'autoriser', 'consentir',
    'aceptar', 'acepto', 'permitir', 'aceitar', 'aceito', 'concordo', 'autorizar', 'accetta', 'accetto', 'acconsento', 'consenti',
    'autorizza', 'accepta', 'accepteren', 'akkoord', 'ga akkoord', 'toestaan', 'godkänn', 'acceptera', 'tillåt',
    'godkend', 'tillad', 'godta', 'aksepter', 'tillat', 'godkjenn', 'hyväksy', 'hyväksyn', 'salli', 'akceptuj', 'zaakceptuj',
    'zgadzam się', 'zezwól', 'přijmout', 'souhlasím', 'povolit', 'súhlasím', 'prijať', 'elfogadom', 'elfogadás', 'engedélyezés',
    'sunt de acord', 'kabul et', 'kabul ediyorum', 'onayla', 'izin ver', 'принять', 'принимаю', 'согласен',
    'согласна', 'разрешить', 'прийняти', 'приймаю', 'погоджуюсь', 'дозволити', 'αποδοχή', 'συμφωνώ', 'να επιτρέπεται',
    '同意', '承諾', '許可', '接受', '允许', '允許', '동의', '수락', '허용',
  ],
  stayed: [
    'continue', 'stay', 'got it', 'ok', 'okay', 'understood', 'i understand', 'join', 'remain', 'proceed',
    'weiter', 'fortfahren', 'bleiben', 'verstanden', 'beitreten', 'teilnehmen', 'continuer', 'rester', 'compris', "d'accord",
    'rejoindre', 'participer', 'continuar', 'quedarse', 'permanecer', 'entendido', 'de acuerdo', 'unirse', 'ficar', 'entendi',
    'participar', 'entrar', 'continua', 'resta', 'rimani', 'ho capito', 'capito', 'partecipa', 'doorgaan', 'blijven',
    'begrepen', 'deelnemen', 'fortsätt', 'stanna', 'uppfattat', 'gå med', 'fortsæt', 'bliv', 'forstået', 'deltag',
    'fortsett', 'bli', 'forstått', 'bli med', 'jatka', 'pysy', 'selvä', 'liity', 'kontynuuj', 'zostań', 'rozumiem', 'dołącz',
    'pokračovat', 'zůstat', 'rozumím', 'připojit', 'pokračovať', 'zostať', 'folytatás', 'maradok', 'értem',
    'continuă', 'rămâi', 'am înțeles', 'devam', 'kal', 'anladım', 'tamam', 'katıl', 'продолжить', 'остаться', 'понятно',
    'ок', 'присоединиться', 'продовжити', 'залишитися', 'зрозуміло', 'приєднатися', 'συνέχεια', 'παραμονή', 'εντάξει',
    '続行', '続ける', '参加', '了解', '继续', '繼續', '留下', '知道了', '好的', '确定', '確定', '加入', '계속', '확인', '알겠습니다', '참가',
  ],
});
