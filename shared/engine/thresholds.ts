// Every number the engine uses, in one place, each with the rule it comes from.
// "docs/DOMAIN.md §4" = the rules from the seed article (docs/DOMAIN.md); "seed" = the advice
// article the rules were taken from. Numbers marked "engine choice" are not in the
// sources: they turn a qualitative rule into something a computer can apply, and are
// kept here so they can be reviewed and tuned in one place.

export const THRESHOLDS = {
  scores: {
    step1: {
      /** "Competitive surgery programs often prefer >235–240" (seed; docs/DOMAIN.md §4.1 Scores). */
      competitive: 235,
      /** Upper end of the same quote: "> 235–240". */
      competitiveUpper: 240,
      /** "A low Step 1 score is generally <220" (seed; docs/DOMAIN.md §4.1 Scores). */
      low: 220,
      /** "<210 is a significant concern" (seed; docs/DOMAIN.md §4.1 Scores). */
      significantConcern: 210,
    },
    step2ck: {
      /** "Strong surgical applicants often score >245" (seed; docs/DOMAIN.md §4.1 Scores). */
      strong: 245,
      /** "Below ~230 is usually considered below average board scores" (seed; docs/DOMAIN.md §4.1 Scores). */
      belowAverage: 230,
      /** "Passing score 218 from 1 Jul 2025" (docs/DOMAIN.md §2 glossary, fact, unconfirmed source). */
      passing: 218,
    },
    /** "Aim for at least 15–20 points higher than Step 1 to show a strong upward trajectory" (seed; docs/DOMAIN.md §4.1 Scores). */
    trajectoryPoints: 15,
    /** Upper end of the same quote ("15–20+ points"): a clearly strong trajectory. */
    trajectoryStrongPoints: 20,
  },

  cutoffs: {
    /**
     * Engine choice: a score at least this many points above a program's minimum counts as
     * "well above", i.e. the program is flexible for this applicant (docs/DOMAIN.md §4.3 Tiers:
     * Tier 3 "flexible on scores").
     */
    wellAboveMargin: 10,
    /**
     * Engine choice: a score less than this many points above a strict minimum is "at the
     * edge" of the filter, so the program is a reach (docs/DOMAIN.md §4.3 Tier 1 "moderate score filters").
     */
    edgeMargin: 5,
  },

  img: {
    /** "IMG share > 10–20 %" is an IMG-friendliness signal (docs/DOMAIN.md §4.3 Tiers; seed "IMG percentage >10–20%"). */
    shareSignalPct: 10,
    /** Upper end of the same range: a strong IMG presence (docs/DOMAIN.md §4.3 Tier 2 "strong IMG presence"). */
    shareStrongPct: 20,
  },

  gap: {
    /**
     * Engine choice: docs/DOMAIN.md §4.5 ("ERAS Additional Information written when there is a failure,
     * gap or disruption") gives no length for a gap. More than this many years since
     * graduation (by the calendar year) is treated as a gap to explain; programs' own limits
     * are kept per program (maxYearsSinceGraduation) and screened in the tiers.
     */
    yearsSinceGraduation: 5,
  },

  unfilled: {
    /**
     * "Programs that did not fill all prelim positions in recent years" (seed). Engine choice:
     * "recent" = the last 4 Match years up to the most recent Match Day before today.
     */
    matchesConsidered: 4,
    /** Engine choice: unfilled in at least this many of those Matches = "often has unfilled prelim spots" (docs/DOMAIN.md §4.3 Tier 3). */
    frequentMinYears: 2,
    /**
     * Match Day is the third Friday of March (docs/DOMAIN.md §3), so by 22 March a year's Match
     * results exist. Month is 1-based.
     */
    matchResultsKnownFrom: { month: 3, day: 22 },
  },

  service: {
    /**
     * Engine choice: a prelim class this large suggests "heavy service needs" (docs/DOMAIN.md §4.3 Tier 3;
     * seed "often used to fill service needs").
     */
    largePrelimClass: 6,
  },

  usce: {
    /** A program's "N months of USCE" is compared with the applicant's weeks at ~4 weeks per month. */
    weeksPerMonth: 4,
    /** "Even short (4–8 week) experiences" help (seed): 8+ weeks of hands-on surgical USCE is solid. */
    surgicalHandsOnGoodWeeks: 8,
    /** Lower end of the same quote: 4 weeks is some hands-on surgical USCE. */
    surgicalHandsOnSomeWeeks: 4,
  },

  list: {
    /** "80–120+ surgery applications for a non-US IMG with low scores; below 80 is a warning" (docs/DOMAIN.md §4.4 List composition). */
    targetMin: 80,
    /** Upper end of the same rule; above it is fine "if the budget allows" (seed). */
    targetMax: 120,
    /** "Tier 2 – core (the majority of applications)" (docs/DOMAIN.md §4.3 Tiers): more than half. */
    tier2MajorityShare: 0.5,
    /** "Majority prelim and community-based" (docs/DOMAIN.md §4.4 List composition). */
    prelimMajorityShare: 0.5,
    /** Same rule: community and community/university-affiliated programs should be the majority. */
    communityMajorityShare: 0.5,
    /** "A limited number of categorical programs" (docs/DOMAIN.md §4.4 List composition). Engine choice: at most a quarter. */
    categoricalMaxShare: 0.25,
    /** "Long shot / de-emphasize" (docs/DOMAIN.md §4.3 Tiers). Engine choice: at most a tenth of the list. */
    longShotMaxShare: 0.1,
    /** "Community prelim positions in the Midwest, South ... are more open" (docs/DOMAIN.md §4.3 Geography). Engine choice: at least 40 % there. */
    openRegionsMinShare: 0.4,
    /** Engine choice: more than a quarter of the list at low confidence means the data needs checking. */
    lowConfidenceMaxShare: 0.25,
  },

  /**
   * The fit score (0–100) sorts programs within a tier and feeds the tier cut-offs below.
   * It is `base` plus the applicant's strength (capped at ±applicantCap) plus the program's
   * signals. Every weight is an engine choice that encodes a seed rule named next to it.
   */
  fit: {
    base: 40,
    applicantCap: 15,
    applicant: {
      /** Step 2 CK > 245 "strong" (seed). */
      step2ckStrong: 8,
      /** Step 2 CK 230–245: average for surgery. */
      step2ckAverage: 3,
      /** Step 2 CK below 230: "below average" (seed). */
      step2ckBelowAverage: -3,
      /** Step 2 CK below the passing line (218): a failed or barely passing score. */
      step2ckBelowPassing: -6,
      /** Step 1 > 235: "competitive" (seed). */
      step1Competitive: 3,
      /** Step 1 < 220: "low" (seed). */
      step1Low: -3,
      /** Step 1 < 210: "significant concern" (seed). */
      step1SignificantConcern: -6,
      /** Step 2 CK 15+ above Step 1: "upward trajectory" (seed). */
      trajectory: 4,
      /** "First-attempt passes matter more than the score" (docs/DOMAIN.md §4.1 Scores). */
      firstAttemptPasses: 3,
      /** "Any failure is a major screen" (docs/DOMAIN.md §4.1 Scores). */
      failure: -10,
      /** "Step 3 passed lowers perceived risk" (docs/DOMAIN.md §4.1 Scores). */
      step3Passed: 4,
      /** "Hands-on USCE is extremely valuable" for surgery (seed): 8+ weeks. */
      surgicalUsceGood: 4,
      /** 4–7 weeks of hands-on surgical USCE. */
      surgicalUsceSome: 2,
      /** No hands-on USCE at all. */
      noHandsOnUsce: -4,
    },
    program: {
      /** "Focus heavily on community-based programs" (seed). */
      community: 6,
      /** "Smaller university-affiliated programs" (seed): community/university-affiliated. */
      communityUniversityAffiliated: 4,
      /** A university program that is not top academic: mid-tier, harder than community. */
      university: -4,
      /** "De-emphasize top-tier academic programs" (seed; docs/DOMAIN.md §4.3 Long shot). */
      topAcademic: -10,
      /** "De-emphasize elite research-heavy departments" (seed; docs/DOMAIN.md §4.3 Long shot). */
      researchHeavy: -6,
      /** IMG share >= 20 % (docs/DOMAIN.md §4.3 IMG signals). */
      imgShareStrong: 8,
      /** IMG share 10–20 %. */
      imgShareSignal: 4,
      /** IMG share < 10 %: few IMGs. */
      imgShareLow: -6,
      /** "Current non-US IMG residents" (docs/DOMAIN.md §4.3 IMG signals). */
      nonUsImgResidentsYes: 5,
      /** The program has no non-US IMG residents. */
      nonUsImgResidentsNo: -6,
      /** "J-1 sponsorship" (docs/DOMAIN.md §4.3 Tier 1; seed "J-1 only (most common; more open to IMGs)"). */
      j1Sponsorship: 2,
      /** "Community prelim positions in the Midwest, South ... are more open" (docs/DOMAIN.md §4.3 Geography). */
      openRegion: 3,
      /** Per Match (of the last 4) with unfilled positions: "often unfilled prelim spots" (docs/DOMAIN.md §4.3 Tier 3). */
      perUnfilledYear: 3,
      /** No minimum Step 2 CK / Step 1 on record: "flexible on scores". */
      noStep2ckMinimum: 3,
      /** Applicant's Step 2 CK at least 10 above the minimum. */
      step2ckWellAbove: 5,
      /** Applicant's Step 2 CK at or up to 9 above the minimum. */
      step2ckAbove: 1,
      /** Applicant's Step 2 CK below a minimum marked "preference" (docs/DOMAIN.md §4: "then a penalty"). */
      step2ckBelowPreference: -8,
      /** Applicant's numeric Step 1 at least 10 above the minimum. */
      step1WellAbove: 2,
      /** Applicant's Step 1 below a minimum marked "preference". */
      step1BelowPreference: -6,
      /** "Realistic categorical positions" are fewer (categorical surgery fills 99.7 %, docs/DOMAIN.md §3). */
      categorical: -10,
      /** "Unless the applicant has an internal connection" (docs/DOMAIN.md §4.3 Long shot). */
      internalConnection: 6,
      /** Large prelim class: heavy service needs (docs/DOMAIN.md §4.3 Tier 3). */
      largePrelimClass: 2,
      /** The applicant rated the program highly IMG-friendly (docs/DOMAIN.md §4 IMG signals: explicit statements, IMG residents; the user's own judgement of them). */
      imgFriendlinessHigh: 4,
      /** The applicant rated it low on IMG-friendliness. */
      imgFriendlinessLow: -4,
      /** USCE preferred (not required) and the applicant has none: a penalty, never a screen (seed: hands-on USCE "extremely valuable"). */
      uscePreferredMissing: -3,
    },
  },

  tiers: {
    /** Engine choice: a prelim program with a fit below this has too much against the applicant: long shot. */
    prelimLongShotBelow: 30,
    /** Engine choice: Tier 2 (core) needs at least this fit and no reach marker; otherwise Tier 1. */
    tier2MinFit: 55,
    /** Engine choice: a categorical track below this fit is a long shot ("less realistic ... categorical", seed). */
    categoricalLongShotBelow: 50,
    /**
     * Engine choice: a categorical track reaches Tier 2 only when very IMG-friendly, the
     * applicant's scores are not low (see `lowScores`) and the fit is at least this.
     */
    categoricalTier2MinFit: 70,
  },

  /**
   * "Unknown data never excludes; it lowers confidence and says so" (docs/DOMAIN.md §4). Confidence
   * starts at 100 and each unknown that matters for this applicant subtracts its penalty.
   */
  confidence: {
    start: 100,
    highFrom: 75,
    mediumFrom: 50,
    penalties: {
      /** Visa sponsorship unknown and the applicant needs a visa. */
      visaUnknown: 25,
      /** A Step 2 CK minimum exists but the applicant has no Step 2 CK score yet. */
      step2ckPending: 15,
      /** The applicant has no Step 2 CK score yet (whatever the program): scores drive most tiers. */
      applicantStep2ckPending: 5,
      /** A numeric Step 1 minimum exists but the applicant's Step 1 is pass/fail or missing. */
      step1Unscored: 10,
      /** The applicant has a failure and the program's first-attempt policy is unknown. */
      firstAttemptUnknown: 15,
      /** The applicant has little or no USCE and the program's USCE requirement is unknown. */
      usceUnknown: 10,
      /** A maximum years since graduation exists but the graduation year is not entered. */
      graduationYearUnknown: 10,
      /** Setting (community, university...) unknown. */
      settingUnknown: 10,
      /** IMG share unknown. */
      imgShareUnknown: 8,
      /** Whether there are non-US IMG residents unknown. */
      nonUsImgResidentsUnknown: 5,
      /** No unfilled-position history recorded for the last 4 Matches (prelim tracks). */
      unfilledHistoryUnknown: 8,
      /** No state entered (no geography). */
      stateUnknown: 3,
      /** The program's data was never verified by the user. */
      neverVerified: 5,
      /** The program's data was last verified more than `dataAge.staleAfterDays` ago. */
      staleData: 5,
    },
  },

  dataAge: {
    /** Engine choice: program data older than a year (one Match cycle) is stale. */
    staleAfterDays: 365,
  },
} as const;

export type Thresholds = typeof THRESHOLDS;
