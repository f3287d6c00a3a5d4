import { FastifyRequest, FastifyInstance, FastifyServerOptions, FastifyPluginAsync } from 'fastify';
import { FieldIssue, HangarError, Logger, QueueAdapter, QueueDepth, Translator, JobState } from '@hangar/core';
import { z } from 'zod';
import { H as HangarClient } from '../hangar-client-iJw3uohK.js';
import 'eventemitter3';

/** The browser files of the dashboard, built into `dist/dashboard/` of the package. */
interface DashboardAssets {
    /** The page's script (one bundle, no imports). */
    script: Buffer;
    /** The page's style sheet. */
    style: Buffer;
}
/** Directory of the built browser files: `dist/dashboard` of the package this module belongs to. */
declare function dashboardAssetsDir(): string;
/** Reads the built files once, at registration, so a missing build fails at startup, not in the browser. */
declare function loadDashboardAssets(dir?: string): DashboardAssets;

/**
 * Text of the dashboard page, in English and French. The page bundles this catalog and renders
 * it itself; messages of jobs and errors come from the API, rendered in the same language.
 */
declare const dashboardMessages: {
    readonly en: {
        readonly 'hangar.dashboard.title': "Hangar dashboard";
        readonly 'hangar.dashboard.language': "Language";
        readonly 'hangar.dashboard.nav.overview': "Overview";
        readonly 'hangar.dashboard.nav.jobs': "Jobs";
        readonly 'hangar.dashboard.nav.schedules': "Schedules";
        readonly 'hangar.dashboard.nav.main': "Main navigation";
        readonly 'hangar.dashboard.login.heading': "Sign in with an API token";
        readonly 'hangar.dashboard.login.token': "Bearer token";
        readonly 'hangar.dashboard.login.submit': "Sign in";
        readonly 'hangar.dashboard.login.hint': "The token stays in this browser tab only (session storage).";
        readonly 'hangar.dashboard.logout': "Sign out";
        readonly 'hangar.dashboard.signedInAs': "Signed in as {userId} ({customerId}, {roles})";
        readonly 'hangar.dashboard.loading': "Loading…";
        readonly 'hangar.dashboard.refresh': "Refresh";
        readonly 'hangar.dashboard.none': "Nothing to show";
        readonly 'hangar.dashboard.filter.state': "State";
        readonly 'hangar.dashboard.filter.type': "Job type";
        readonly 'hangar.dashboard.filter.queue': "Queue";
        readonly 'hangar.dashboard.filter.user': "User";
        readonly 'hangar.dashboard.filter.customer': "Customer (admins)";
        readonly 'hangar.dashboard.filter.any': "Any";
        readonly 'hangar.dashboard.filter.apply': "Filter";
        readonly 'hangar.dashboard.search.id': "Job id";
        readonly 'hangar.dashboard.search.open': "Open";
        readonly 'hangar.dashboard.jobs.heading': "Jobs";
        readonly 'hangar.dashboard.jobs.next': "Next page";
        readonly 'hangar.dashboard.jobs.first': "First page";
        readonly 'hangar.dashboard.jobs.select': "Select job {id}";
        readonly 'hangar.dashboard.jobs.selectAll': "Select every job of this page";
        readonly 'hangar.dashboard.jobs.selected': "{count} selected";
        readonly 'hangar.dashboard.jobs.bulkDone': "{action}: {ok} done, {failed} refused";
        readonly 'hangar.dashboard.column.id': "Id";
        readonly 'hangar.dashboard.column.type': "Type";
        readonly 'hangar.dashboard.column.queue': "Queue";
        readonly 'hangar.dashboard.column.state': "State";
        readonly 'hangar.dashboard.column.user': "User";
        readonly 'hangar.dashboard.column.customer': "Customer";
        readonly 'hangar.dashboard.column.progress': "Progress";
        readonly 'hangar.dashboard.column.created': "Created";
        readonly 'hangar.dashboard.column.count': "Jobs";
        readonly 'hangar.dashboard.column.oldest': "Oldest waiting since";
        readonly 'hangar.dashboard.action.cancel': "Cancel";
        readonly 'hangar.dashboard.action.retry': "Retry";
        readonly 'hangar.dashboard.action.delete': "Delete";
        readonly 'hangar.dashboard.action.pause': "Pause";
        readonly 'hangar.dashboard.action.resume': "Resume";
        readonly 'hangar.dashboard.action.trigger': "Run now";
        readonly 'hangar.dashboard.action.confirmDelete': "Delete {count} finished job(s) with their logs?";
        readonly 'hangar.dashboard.job.heading': "Job {id}";
        readonly 'hangar.dashboard.job.params': "Parameters";
        readonly 'hangar.dashboard.job.times': "Times";
        readonly 'hangar.dashboard.job.createdAt': "Created";
        readonly 'hangar.dashboard.job.runAt': "Run at";
        readonly 'hangar.dashboard.job.startedAt': "Started";
        readonly 'hangar.dashboard.job.finishedAt': "Finished";
        readonly 'hangar.dashboard.job.attempts': "Attempts";
        readonly 'hangar.dashboard.job.attemptsValue': "{attempts} of {maxAttempts}";
        readonly 'hangar.dashboard.job.worker': "Worker";
        readonly 'hangar.dashboard.job.progress': "Progress";
        readonly 'hangar.dashboard.job.messages': "Messages";
        readonly 'hangar.dashboard.job.errors': "Errors";
        readonly 'hangar.dashboard.job.warnings': "Warnings";
        readonly 'hangar.dashboard.job.result': "Result";
        readonly 'hangar.dashboard.job.files': "Output files";
        readonly 'hangar.dashboard.job.parent': "Parent job";
        readonly 'hangar.dashboard.job.children': "Child jobs";
        readonly 'hangar.dashboard.job.moreChildren': "More child jobs";
        readonly 'hangar.dashboard.job.live': "Live";
        readonly 'hangar.dashboard.job.ended': "Stream ended";
        readonly 'hangar.dashboard.job.cancelRequested': "Cancellation requested";
        readonly 'hangar.dashboard.job.back': "Back to the jobs";
        readonly 'hangar.dashboard.overview.byState': "Jobs per state";
        readonly 'hangar.dashboard.overview.byQueue': "Waiting and running per queue";
        readonly 'hangar.dashboard.overview.capped': "Counted up to {limit} jobs per state; \"{limit}+\" means more.";
        readonly 'hangar.dashboard.overview.estimated': "\"≈\" marks an estimate from the database statistics (many finished jobs); waiting and running jobs are counted exactly.";
        readonly 'hangar.dashboard.schedules.heading': "Schedules";
        readonly 'hangar.dashboard.schedules.name': "Name";
        readonly 'hangar.dashboard.schedules.cron': "Cron";
        readonly 'hangar.dashboard.schedules.nextRun': "Next run";
        readonly 'hangar.dashboard.schedules.lastRun': "Last run";
        readonly 'hangar.dashboard.schedules.status': "Status";
        readonly 'hangar.dashboard.schedules.paused': "Paused";
        readonly 'hangar.dashboard.schedules.active': "Active";
        readonly 'hangar.dashboard.schedules.triggered': "Job {jobId} enqueued";
        readonly 'hangar.dashboard.triggers.heading': "Event triggers";
        readonly 'hangar.dashboard.triggers.on': "Fires when";
        readonly 'hangar.dashboard.triggers.lastFired': "Last fired";
        readonly 'hangar.dashboard.state.Scheduled': "Scheduled";
        readonly 'hangar.dashboard.state.Awaiting': "Awaiting parent";
        readonly 'hangar.dashboard.state.Enqueued': "Enqueued";
        readonly 'hangar.dashboard.state.Processing': "Processing";
        readonly 'hangar.dashboard.state.Succeeded': "Succeeded";
        readonly 'hangar.dashboard.state.Failed': "Failed";
        readonly 'hangar.dashboard.state.Cancelled': "Cancelled";
        readonly 'hangar.dashboard.nav.workflows': "Workflows";
        readonly 'hangar.dashboard.workflows.heading': "Workflows";
        readonly 'hangar.dashboard.workflows.hint': "Jobs of type {type}; open one to see the graph of its steps.";
        readonly 'hangar.dashboard.workflow.heading': "Workflow {id}";
        readonly 'hangar.dashboard.workflow.name': "Name";
        readonly 'hangar.dashboard.workflow.job': "Workflow job";
        readonly 'hangar.dashboard.workflow.open': "Graph of the steps";
        readonly 'hangar.dashboard.workflow.done': "{done} of {total} steps ended";
        readonly 'hangar.dashboard.workflow.graph': "Steps and what each runs after";
        readonly 'hangar.dashboard.workflow.level': "Level {level}";
        readonly 'hangar.dashboard.workflow.step': "Step {step}";
        readonly 'hangar.dashboard.workflow.stepJob': "Job {id}";
        readonly 'hangar.dashboard.workflow.notSubmitted': "No job yet";
        readonly 'hangar.dashboard.workflow.start': "Starts with the workflow";
        readonly 'hangar.dashboard.workflow.after': "Runs after {steps}";
        readonly 'hangar.dashboard.workflow.on.success': "if they succeed";
        readonly 'hangar.dashboard.workflow.on.failure': "if they fail";
        readonly 'hangar.dashboard.workflow.on.end': "whatever their end";
        readonly 'hangar.dashboard.workflow.on.success.one': "if it succeeds";
        readonly 'hangar.dashboard.workflow.on.failure.one': "if it fails";
        readonly 'hangar.dashboard.workflow.on.end.one': "whatever its end";
        readonly 'hangar.dashboard.workflow.edge.success': "on success";
        readonly 'hangar.dashboard.workflow.edge.failure': "on failure";
        readonly 'hangar.dashboard.workflow.edge.end': "on end";
        readonly 'hangar.dashboard.workflow.when': "Only when {condition}";
        readonly 'hangar.dashboard.workflow.op.exists': "is set";
        readonly 'hangar.dashboard.workflow.op.missing': "is missing";
        readonly 'hangar.dashboard.workflow.cancel': "Cancel workflow";
        readonly 'hangar.dashboard.workflow.cancelled': "Workflow cancelled; {steps} step(s) stopped";
        readonly 'hangar.dashboard.workflow.retryStep': "Retry step {step}";
        readonly 'hangar.dashboard.workflow.retried': "Step {step} runs again";
        readonly 'hangar.dashboard.state.Waiting': "Waiting";
        readonly 'hangar.dashboard.state.Skipped': "Skipped";
        readonly 'hangar.dashboard.error.network': "The server cannot be reached: {message}";
    };
    readonly fr: {
        readonly 'hangar.dashboard.title': "Tableau de bord Hangar";
        readonly 'hangar.dashboard.language': "Langue";
        readonly 'hangar.dashboard.nav.overview': "Vue d'ensemble";
        readonly 'hangar.dashboard.nav.jobs': "Tâches";
        readonly 'hangar.dashboard.nav.schedules': "Planifications";
        readonly 'hangar.dashboard.nav.main': "Navigation principale";
        readonly 'hangar.dashboard.login.heading': "Connexion avec un jeton d'API";
        readonly 'hangar.dashboard.login.token': "Jeton (bearer)";
        readonly 'hangar.dashboard.login.submit': "Se connecter";
        readonly 'hangar.dashboard.login.hint': "Le jeton reste dans cet onglet uniquement (stockage de session).";
        readonly 'hangar.dashboard.logout': "Se déconnecter";
        readonly 'hangar.dashboard.signedInAs': "Connecté en tant que {userId} ({customerId}, {roles})";
        readonly 'hangar.dashboard.loading': "Chargement…";
        readonly 'hangar.dashboard.refresh': "Actualiser";
        readonly 'hangar.dashboard.none': "Rien à afficher";
        readonly 'hangar.dashboard.filter.state': "État";
        readonly 'hangar.dashboard.filter.type': "Type de tâche";
        readonly 'hangar.dashboard.filter.queue': "File";
        readonly 'hangar.dashboard.filter.user': "Utilisateur";
        readonly 'hangar.dashboard.filter.customer': "Client (admins)";
        readonly 'hangar.dashboard.filter.any': "Tous";
        readonly 'hangar.dashboard.filter.apply': "Filtrer";
        readonly 'hangar.dashboard.search.id': "Identifiant de tâche";
        readonly 'hangar.dashboard.search.open': "Ouvrir";
        readonly 'hangar.dashboard.jobs.heading': "Tâches";
        readonly 'hangar.dashboard.jobs.next': "Page suivante";
        readonly 'hangar.dashboard.jobs.first': "Première page";
        readonly 'hangar.dashboard.jobs.select': "Sélectionner la tâche {id}";
        readonly 'hangar.dashboard.jobs.selectAll': "Sélectionner toutes les tâches de cette page";
        readonly 'hangar.dashboard.jobs.selected': "{count} sélectionnée(s)";
        readonly 'hangar.dashboard.jobs.bulkDone': "{action} : {ok} faite(s), {failed} refusée(s)";
        readonly 'hangar.dashboard.column.id': "Identifiant";
        readonly 'hangar.dashboard.column.type': "Type";
        readonly 'hangar.dashboard.column.queue': "File";
        readonly 'hangar.dashboard.column.state': "État";
        readonly 'hangar.dashboard.column.user': "Utilisateur";
        readonly 'hangar.dashboard.column.customer': "Client";
        readonly 'hangar.dashboard.column.progress': "Avancement";
        readonly 'hangar.dashboard.column.created': "Créée";
        readonly 'hangar.dashboard.column.count': "Tâches";
        readonly 'hangar.dashboard.column.oldest': "Plus ancienne en attente depuis";
        readonly 'hangar.dashboard.action.cancel': "Annuler";
        readonly 'hangar.dashboard.action.retry': "Relancer";
        readonly 'hangar.dashboard.action.delete': "Supprimer";
        readonly 'hangar.dashboard.action.pause': "Suspendre";
        readonly 'hangar.dashboard.action.resume': "Reprendre";
        readonly 'hangar.dashboard.action.trigger': "Lancer maintenant";
        readonly 'hangar.dashboard.action.confirmDelete': "Supprimer {count} tâche(s) terminée(s) avec leur journal ?";
        readonly 'hangar.dashboard.job.heading': "Tâche {id}";
        readonly 'hangar.dashboard.job.params': "Paramètres";
        readonly 'hangar.dashboard.job.times': "Horaires";
        readonly 'hangar.dashboard.job.createdAt': "Créée";
        readonly 'hangar.dashboard.job.runAt': "Exécution prévue";
        readonly 'hangar.dashboard.job.startedAt': "Démarrée";
        readonly 'hangar.dashboard.job.finishedAt': "Terminée";
        readonly 'hangar.dashboard.job.attempts': "Tentatives";
        readonly 'hangar.dashboard.job.attemptsValue': "{attempts} sur {maxAttempts}";
        readonly 'hangar.dashboard.job.worker': "Exécutant";
        readonly 'hangar.dashboard.job.progress': "Avancement";
        readonly 'hangar.dashboard.job.messages': "Messages";
        readonly 'hangar.dashboard.job.errors': "Erreurs";
        readonly 'hangar.dashboard.job.warnings': "Avertissements";
        readonly 'hangar.dashboard.job.result': "Résultat";
        readonly 'hangar.dashboard.job.files': "Fichiers produits";
        readonly 'hangar.dashboard.job.parent': "Tâche parente";
        readonly 'hangar.dashboard.job.children': "Tâches enfants";
        readonly 'hangar.dashboard.job.moreChildren': "Plus de tâches enfants";
        readonly 'hangar.dashboard.job.live': "En direct";
        readonly 'hangar.dashboard.job.ended': "Flux terminé";
        readonly 'hangar.dashboard.job.cancelRequested': "Annulation demandée";
        readonly 'hangar.dashboard.job.back': "Retour aux tâches";
        readonly 'hangar.dashboard.overview.byState': "Tâches par état";
        readonly 'hangar.dashboard.overview.byQueue': "En attente et en cours par file";
        readonly 'hangar.dashboard.overview.capped': "Comptées jusqu'à {limit} tâches par état ; « {limit}+ » signifie davantage.";
        readonly 'hangar.dashboard.overview.estimated': "« ≈ » marque une estimation tirée des statistiques de la base (beaucoup de tâches terminées) ; les tâches en attente et en cours sont comptées exactement.";
        readonly 'hangar.dashboard.schedules.heading': "Planifications";
        readonly 'hangar.dashboard.schedules.name': "Nom";
        readonly 'hangar.dashboard.schedules.cron': "Cron";
        readonly 'hangar.dashboard.schedules.nextRun': "Prochaine exécution";
        readonly 'hangar.dashboard.schedules.lastRun': "Dernière exécution";
        readonly 'hangar.dashboard.schedules.status': "Statut";
        readonly 'hangar.dashboard.schedules.paused': "Suspendue";
        readonly 'hangar.dashboard.schedules.active': "Active";
        readonly 'hangar.dashboard.schedules.triggered': "Tâche {jobId} mise en file";
        readonly 'hangar.dashboard.triggers.heading': "Déclencheurs";
        readonly 'hangar.dashboard.triggers.on': "Se déclenche quand";
        readonly 'hangar.dashboard.triggers.lastFired': "Dernier déclenchement";
        readonly 'hangar.dashboard.state.Scheduled': "Planifiée";
        readonly 'hangar.dashboard.state.Awaiting': "Attend sa parente";
        readonly 'hangar.dashboard.state.Enqueued': "En file";
        readonly 'hangar.dashboard.state.Processing': "En cours";
        readonly 'hangar.dashboard.state.Succeeded': "Réussie";
        readonly 'hangar.dashboard.state.Failed': "Échouée";
        readonly 'hangar.dashboard.state.Cancelled': "Annulée";
        readonly 'hangar.dashboard.nav.workflows': "Enchaînements";
        readonly 'hangar.dashboard.workflows.heading': "Enchaînements";
        readonly 'hangar.dashboard.workflows.hint': "Tâches de type {type} ; ouvrez-en une pour voir le graphe de ses étapes.";
        readonly 'hangar.dashboard.workflow.heading': "Enchaînement {id}";
        readonly 'hangar.dashboard.workflow.name': "Nom";
        readonly 'hangar.dashboard.workflow.job': "Tâche de l'enchaînement";
        readonly 'hangar.dashboard.workflow.open': "Graphe des étapes";
        readonly 'hangar.dashboard.workflow.done': "{done} étape(s) terminée(s) sur {total}";
        readonly 'hangar.dashboard.workflow.graph': "Les étapes et ce après quoi chacune s'exécute";
        readonly 'hangar.dashboard.workflow.level': "Niveau {level}";
        readonly 'hangar.dashboard.workflow.step': "Étape {step}";
        readonly 'hangar.dashboard.workflow.stepJob': "Tâche {id}";
        readonly 'hangar.dashboard.workflow.notSubmitted': "Pas encore de tâche";
        readonly 'hangar.dashboard.workflow.start': "Démarre avec l'enchaînement";
        readonly 'hangar.dashboard.workflow.after': "S'exécute après {steps}";
        readonly 'hangar.dashboard.workflow.on.success': "si elles réussissent";
        readonly 'hangar.dashboard.workflow.on.failure': "si elles échouent";
        readonly 'hangar.dashboard.workflow.on.end': "quelle que soit leur fin";
        readonly 'hangar.dashboard.workflow.on.success.one': "si elle réussit";
        readonly 'hangar.dashboard.workflow.on.failure.one': "si elle échoue";
        readonly 'hangar.dashboard.workflow.on.end.one': "quelle que soit sa fin";
        readonly 'hangar.dashboard.workflow.edge.success': "si réussite";
        readonly 'hangar.dashboard.workflow.edge.failure': "si échec";
        readonly 'hangar.dashboard.workflow.edge.end': "à la fin";
        readonly 'hangar.dashboard.workflow.when': "Seulement si {condition}";
        readonly 'hangar.dashboard.workflow.op.exists': "est renseigné";
        readonly 'hangar.dashboard.workflow.op.missing': "est absent";
        readonly 'hangar.dashboard.workflow.cancel': "Annuler l'enchaînement";
        readonly 'hangar.dashboard.workflow.cancelled': "Enchaînement annulé ; {steps} étape(s) arrêtée(s)";
        readonly 'hangar.dashboard.workflow.retryStep': "Relancer l'étape {step}";
        readonly 'hangar.dashboard.workflow.retried': "L'étape {step} s'exécute à nouveau";
        readonly 'hangar.dashboard.state.Waiting': "En attente";
        readonly 'hangar.dashboard.state.Skipped': "Sautée";
        readonly 'hangar.dashboard.error.network': "Le serveur est injoignable : {message}";
    };
};
/** A key of the dashboard's catalog. */
type DashboardMessageKey = keyof (typeof dashboardMessages)['en'];

/** The request carries no valid bearer token. */
declare class UnauthorizedError extends HangarError {
    constructor();
}
/** The translation keys a 403 may carry. */
type ForbiddenKey = 'hangar.http.roleRequired' | 'hangar.http.customerForbidden' | 'hangar.http.systemJobForbidden';
/** The token is valid but its roles do not allow the action. */
declare class ForbiddenError extends HangarError {
    constructor(key: ForbiddenKey, params: Record<string, string>);
}
/** The body, path or query of the request is malformed; `issues` name every field to fix. */
declare class RequestInvalidError extends HangarError {
    /** Every field-level problem found. */
    readonly issues: readonly FieldIssue[];
    /** HTTP status to answer with (400, or 408/413/414/415/431 for fastify's and Node's own refusals). */
    readonly statusCode: number;
    constructor(issues: readonly FieldIssue[], statusCode?: number);
}
/** The job exists but has no such output file, or the file is outside the file store. */
declare class FileNotFoundError extends HangarError {
    constructor(jobId: string, name: string);
}
/** No route matches the method and URL. */
declare class RouteNotFoundError extends HangarError {
    constructor(method: string, url: string);
}
/** HTTP status of every error code the API answers with; unknown codes are 500. */
declare const HTTP_STATUS_BY_CODE: Readonly<Record<string, number>>;
/** The JSON body of every error response. */
interface ErrorBody {
    /** The error. */
    error: {
        /** Stable machine-readable code, e.g. `JOB_NOT_FOUND`. */
        code: string;
        /** Message in the caller's language. */
        message: string;
        /** Translation key of the message. */
        key: string;
        /** Parameters of the key. */
        params: Record<string, string | number | boolean | null>;
        /** Field-level problems, for `PARAMS_INVALID` and `REQUEST_INVALID`. */
        issues?: FieldIssue[];
        /** Id of the request, also sent as the `x-request-id` header; the server log names it too. */
        requestId: string;
    };
}

/** What a token may do: `viewer` reads, `operator` also enqueues and cancels, `admin` may also act for another customer. */
type ApiRole = 'admin' | 'operator' | 'viewer';
/** Every role, from the most to the least powerful. */
declare const API_ROLES: readonly ApiRole[];
/** One accepted bearer token and the identity it stands for. */
interface ApiToken {
    /** The secret sent as `Authorization: Bearer <token>`; at least 16 characters. */
    token: string;
    /** Tenant the token acts for; jobs it enqueues belong to this customer. */
    customerId: string;
    /** User recorded on the jobs it enqueues. */
    userId: string;
    /** Its roles. */
    roles: readonly ApiRole[];
}
/** The authenticated identity behind a request. */
interface Caller {
    /** Tenant of the token. */
    customerId: string;
    /** User of the token. */
    userId: string;
    /** Roles of the token. */
    roles: readonly ApiRole[];
}
/** How requests are authenticated: a fixed token table, a custom check, or both (the table is tried first). */
interface AuthOptions {
    /** Accepted tokens. @defaultValue [] */
    tokens?: readonly ApiToken[];
    /** Custom check for tokens not in the table (e.g. the host service's own tokens); undefined rejects. */
    verify?: (token: string) => Caller | undefined | Promise<Caller | undefined>;
}
/** What a route needs: reading, changing jobs and schedules, or changing what belongs to no customer. */
type Permission = 'read' | 'write' | 'admin';
/** Shortest accepted token, so that a guessable secret fails at startup rather than in production. */
declare const MIN_TOKEN_LENGTH = 16;
/** Turns an `Authorization` header into a caller, comparing secrets in constant time. */
declare class Authenticator {
    private readonly entries;
    private readonly verify;
    constructor(auth: AuthOptions);
    /** The caller of a request; throws `UnauthorizedError` without a valid bearer token. */
    authenticate(header: string | undefined): Promise<Caller>;
}

/** Options of the Prometheus metrics (`metrics` of the HTTP server). */
interface MetricsOptions {
    /**
     * Add a `customer` label to the job counters and the attempt histogram. Off by default: one
     * series per customer can be many, and customer ids may be more than a metrics store should
     * hold. @defaultValue false
     */
    customerLabel?: boolean;
    /** Prefix of every metric name. @defaultValue 'hangar_' */
    prefix?: string;
    /** Buckets of the attempt duration histogram, in seconds. @defaultValue [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800] */
    durationBuckets?: readonly number[];
}
/** The defaults of every metrics option. */
declare const METRICS_DEFAULTS: {
    readonly customerLabel: false;
    readonly prefix: "hangar_";
    readonly durationBuckets: readonly [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800];
};
/** Metrics options with every default applied. */
type ResolvedMetricsOptions = Required<MetricsOptions>;

/** Options of the HTTP API, as a fastify plugin or a standalone server. */
interface HangarHttpOptions {
    /** The client the API enqueues, reads and cancels through (e.g. `runner.client`). */
    client: HangarClient;
    /** Accepted bearer tokens and/or a custom token check. */
    auth: AuthOptions;
    /**
     * Directory the output files of jobs live under; a file's `location` is a path inside it.
     * Files elsewhere are refused. @defaultValue undefined (files are not served)
     */
    filesRoot?: string;
    /** Page size of `GET /jobs` when the caller names none. @defaultValue 50 */
    defaultPageSize?: number;
    /** Largest page size a caller may ask for. @defaultValue 200 */
    maxPageSize?: number;
    /** Interval of the keep-alive comment on event streams, so proxies do not cut idle streams. @defaultValue 15_000 */
    sseHeartbeatMs?: number;
    /** Safety re-read of a streamed job, for adapters whose change feed may miss an event. @defaultValue 2_000 */
    ssePollMs?: number;
    /** `info.title` of the OpenAPI document. @defaultValue 'Hangar API' */
    title?: string;
    /** `info.version` of the OpenAPI document. @defaultValue '0.1.0' */
    version?: string;
    /**
     * Where the API logs failed requests (a 500 with its cause and request id, a refused file).
     * A pino logger fits. @defaultValue the fastify request logger (`request.log`)
     */
    logger?: Logger;
    /**
     * Checks `GET /ready` runs besides the queue's (e.g. `{ conso: () => db.selectNoFrom(sql\`1\`).execute() }`):
     * each resolves when its dependency is reachable. @defaultValue {}
     */
    readinessChecks?: Readonly<Record<string, ReadinessCheck>>;
    /** How long one readiness check may take before it counts as failed. @defaultValue 2_000 */
    readinessTimeoutMs?: number;
    /**
     * Prometheus metrics at `GET /metrics` (needs the optional peer `prom-client` 15): `true`, or
     * options such as `{ customerLabel: true }`. @defaultValue false
     */
    metrics?: boolean | MetricsOptions;
    /** Serve the dashboard page under `/dashboard` (same tokens, roles and tenants as the API). @defaultValue false */
    dashboard?: boolean;
}
/** A readiness check: resolves when the dependency answers, rejects (or outlasts the timeout) when not. */
type ReadinessCheck = (signal: AbortSignal) => Promise<unknown>;
/** The defaults of every optional HTTP option. */
declare const HTTP_DEFAULTS: {
    readonly defaultPageSize: 50;
    readonly maxPageSize: 200;
    readonly sseHeartbeatMs: 15000;
    readonly ssePollMs: 2000;
    readonly title: "Hangar API";
    readonly version: "0.1.0";
    readonly readinessChecks: {};
    readonly readinessTimeoutMs: 2000;
};
/** HTTP options with every default applied. */
type ResolvedHttpOptions = Required<Omit<HangarHttpOptions, 'filesRoot' | 'logger' | 'metrics' | 'dashboard'>> & {
    filesRoot: string | undefined;
    logger: Logger | undefined;
    metrics: ResolvedMetricsOptions | undefined;
};
/** Applies defaults and checks every option, naming the one to fix. */
declare function resolveHttpOptions(options: HangarHttpOptions): ResolvedHttpOptions;

/** Which queues and job types the live runners serve, read from their advertisements. */
declare class QueueCoverage {
    private readonly queue;
    private cached;
    constructor(queue: QueueAdapter);
    /** Whether some live runner serves `queue` and runs `type`. */
    serves(queue: string, type: string): Promise<boolean>;
    /** Queues holding Enqueued jobs that no live runner serves. */
    unserved(): Promise<QueueDepth[]>;
    private runners;
}

/** A message rendered in the caller's language, with its key and parameters for clients that render themselves. */
declare const messageViewSchema: z.ZodObject<{
    text: z.ZodString;
    key: z.ZodString;
    params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
}, z.core.$strip>;
/** One progress or user message of a job. */
declare const logEntryViewSchema: z.ZodObject<{
    text: z.ZodString;
    key: z.ZodString;
    params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
    seq: z.ZodNumber;
    at: z.ZodISODateTime;
    level: z.ZodEnum<{
        warning: "warning";
        info: "info";
        error: "error";
        progress: "progress";
    }>;
    current: z.ZodOptional<z.ZodNumber>;
    total: z.ZodOptional<z.ZodNumber>;
    percent: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>;
/** One structured error of a job, rendered. */
declare const errorViewSchema: z.ZodObject<{
    text: z.ZodString;
    key: z.ZodString;
    params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
    code: z.ZodString;
    severity: z.ZodEnum<{
        warning: "warning";
        info: "info";
        error: "error";
    }>;
    source: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
/** An output file of a job, downloadable at `url`. */
declare const outputFileViewSchema: z.ZodObject<{
    name: z.ZodString;
    size: z.ZodNumber;
    mediaType: z.ZodString;
    url: z.ZodString;
}, z.core.$strip>;
/** A job as the API shows it. */
declare const jobViewSchema: z.ZodObject<{
    id: z.ZodString;
    type: z.ZodString;
    queue: z.ZodString;
    state: z.ZodEnum<{
        Scheduled: "Scheduled";
        Enqueued: "Enqueued";
        Processing: "Processing";
        Succeeded: "Succeeded";
        Failed: "Failed";
        Cancelled: "Cancelled";
        Awaiting: "Awaiting";
    }>;
    priority: z.ZodNumber;
    attempts: z.ZodNumber;
    maxAttempts: z.ZodNumber;
    customerId: z.ZodNullable<z.ZodString>;
    userId: z.ZodNullable<z.ZodString>;
    parentId: z.ZodNullable<z.ZodString>;
    parents: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        on: z.ZodEnum<{
            success: "success";
            failure: "failure";
            end: "end";
        }>;
    }, z.core.$strip>>;
    cancelRequested: z.ZodBoolean;
    progress: z.ZodNullable<z.ZodObject<{
        text: z.ZodString;
        key: z.ZodString;
        params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
        current: z.ZodOptional<z.ZodNumber>;
        total: z.ZodOptional<z.ZodNumber>;
        percent: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>>;
    messages: z.ZodOptional<z.ZodArray<z.ZodObject<{
        text: z.ZodString;
        key: z.ZodString;
        params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
        seq: z.ZodNumber;
        at: z.ZodISODateTime;
        level: z.ZodEnum<{
            warning: "warning";
            info: "info";
            error: "error";
            progress: "progress";
        }>;
        current: z.ZodOptional<z.ZodNumber>;
        total: z.ZodOptional<z.ZodNumber>;
        percent: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>>>;
    warnings: z.ZodArray<z.ZodObject<{
        text: z.ZodString;
        key: z.ZodString;
        params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
    }, z.core.$strip>>;
    errors: z.ZodArray<z.ZodObject<{
        text: z.ZodString;
        key: z.ZodString;
        params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
        code: z.ZodString;
        severity: z.ZodEnum<{
            warning: "warning";
            info: "info";
            error: "error";
        }>;
        source: z.ZodOptional<z.ZodString>;
    }, z.core.$strip>>;
    success: z.ZodNullable<z.ZodBoolean>;
    result: z.ZodUnknown;
    outputFiles: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        size: z.ZodNumber;
        mediaType: z.ZodString;
        url: z.ZodString;
    }, z.core.$strip>>;
    worker: z.ZodNullable<z.ZodObject<{
        id: z.ZodString;
        host: z.ZodString;
        pid: z.ZodNumber;
    }, z.core.$strip>>;
    createdAt: z.ZodISODateTime;
    updatedAt: z.ZodISODateTime;
    runAt: z.ZodISODateTime;
    startedAt: z.ZodNullable<z.ZodISODateTime>;
    finishedAt: z.ZodNullable<z.ZodISODateTime>;
}, z.core.$strip>;
/** Response of `POST /jobs`. */
declare const enqueueResponseSchema: z.ZodObject<{
    id: z.ZodString;
    created: z.ZodBoolean;
    job: z.ZodObject<{
        id: z.ZodString;
        type: z.ZodString;
        queue: z.ZodString;
        state: z.ZodEnum<{
            Scheduled: "Scheduled";
            Enqueued: "Enqueued";
            Processing: "Processing";
            Succeeded: "Succeeded";
            Failed: "Failed";
            Cancelled: "Cancelled";
            Awaiting: "Awaiting";
        }>;
        priority: z.ZodNumber;
        attempts: z.ZodNumber;
        maxAttempts: z.ZodNumber;
        customerId: z.ZodNullable<z.ZodString>;
        userId: z.ZodNullable<z.ZodString>;
        parentId: z.ZodNullable<z.ZodString>;
        parents: z.ZodArray<z.ZodObject<{
            id: z.ZodString;
            on: z.ZodEnum<{
                success: "success";
                failure: "failure";
                end: "end";
            }>;
        }, z.core.$strip>>;
        cancelRequested: z.ZodBoolean;
        progress: z.ZodNullable<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>;
        messages: z.ZodOptional<z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            seq: z.ZodNumber;
            at: z.ZodISODateTime;
            level: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
                progress: "progress";
            }>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>>;
        warnings: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
        }, z.core.$strip>>;
        errors: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            code: z.ZodString;
            severity: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
            }>;
            source: z.ZodOptional<z.ZodString>;
        }, z.core.$strip>>;
        success: z.ZodNullable<z.ZodBoolean>;
        result: z.ZodUnknown;
        outputFiles: z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            size: z.ZodNumber;
            mediaType: z.ZodString;
            url: z.ZodString;
        }, z.core.$strip>>;
        worker: z.ZodNullable<z.ZodObject<{
            id: z.ZodString;
            host: z.ZodString;
            pid: z.ZodNumber;
        }, z.core.$strip>>;
        createdAt: z.ZodISODateTime;
        updatedAt: z.ZodISODateTime;
        runAt: z.ZodISODateTime;
        startedAt: z.ZodNullable<z.ZodISODateTime>;
        finishedAt: z.ZodNullable<z.ZodISODateTime>;
    }, z.core.$strip>;
    warnings: z.ZodOptional<z.ZodArray<z.ZodObject<{
        text: z.ZodString;
        key: z.ZodString;
        params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
        code: z.ZodLiteral<"QUEUE_NOT_SERVED">;
    }, z.core.$strip>>>;
}, z.core.$strip>;
/** Response of `POST /jobs/:id/cancel`. */
declare const cancelResponseSchema: z.ZodObject<{
    id: z.ZodString;
    outcome: z.ZodEnum<{
        cancelled: "cancelled";
        requested: "requested";
        finished: "finished";
    }>;
    job: z.ZodObject<{
        id: z.ZodString;
        type: z.ZodString;
        queue: z.ZodString;
        state: z.ZodEnum<{
            Scheduled: "Scheduled";
            Enqueued: "Enqueued";
            Processing: "Processing";
            Succeeded: "Succeeded";
            Failed: "Failed";
            Cancelled: "Cancelled";
            Awaiting: "Awaiting";
        }>;
        priority: z.ZodNumber;
        attempts: z.ZodNumber;
        maxAttempts: z.ZodNumber;
        customerId: z.ZodNullable<z.ZodString>;
        userId: z.ZodNullable<z.ZodString>;
        parentId: z.ZodNullable<z.ZodString>;
        parents: z.ZodArray<z.ZodObject<{
            id: z.ZodString;
            on: z.ZodEnum<{
                success: "success";
                failure: "failure";
                end: "end";
            }>;
        }, z.core.$strip>>;
        cancelRequested: z.ZodBoolean;
        progress: z.ZodNullable<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>;
        messages: z.ZodOptional<z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            seq: z.ZodNumber;
            at: z.ZodISODateTime;
            level: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
                progress: "progress";
            }>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>>;
        warnings: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
        }, z.core.$strip>>;
        errors: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            code: z.ZodString;
            severity: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
            }>;
            source: z.ZodOptional<z.ZodString>;
        }, z.core.$strip>>;
        success: z.ZodNullable<z.ZodBoolean>;
        result: z.ZodUnknown;
        outputFiles: z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            size: z.ZodNumber;
            mediaType: z.ZodString;
            url: z.ZodString;
        }, z.core.$strip>>;
        worker: z.ZodNullable<z.ZodObject<{
            id: z.ZodString;
            host: z.ZodString;
            pid: z.ZodNumber;
        }, z.core.$strip>>;
        createdAt: z.ZodISODateTime;
        updatedAt: z.ZodISODateTime;
        runAt: z.ZodISODateTime;
        startedAt: z.ZodNullable<z.ZodISODateTime>;
        finishedAt: z.ZodNullable<z.ZodISODateTime>;
    }, z.core.$strip>;
}, z.core.$strip>;
/** Response of `GET /jobs`. */
declare const jobPageViewSchema: z.ZodObject<{
    items: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        type: z.ZodString;
        queue: z.ZodString;
        state: z.ZodEnum<{
            Scheduled: "Scheduled";
            Enqueued: "Enqueued";
            Processing: "Processing";
            Succeeded: "Succeeded";
            Failed: "Failed";
            Cancelled: "Cancelled";
            Awaiting: "Awaiting";
        }>;
        priority: z.ZodNumber;
        attempts: z.ZodNumber;
        maxAttempts: z.ZodNumber;
        customerId: z.ZodNullable<z.ZodString>;
        userId: z.ZodNullable<z.ZodString>;
        parentId: z.ZodNullable<z.ZodString>;
        parents: z.ZodArray<z.ZodObject<{
            id: z.ZodString;
            on: z.ZodEnum<{
                success: "success";
                failure: "failure";
                end: "end";
            }>;
        }, z.core.$strip>>;
        cancelRequested: z.ZodBoolean;
        progress: z.ZodNullable<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>;
        messages: z.ZodOptional<z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            seq: z.ZodNumber;
            at: z.ZodISODateTime;
            level: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
                progress: "progress";
            }>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>>;
        warnings: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
        }, z.core.$strip>>;
        errors: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            code: z.ZodString;
            severity: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
            }>;
            source: z.ZodOptional<z.ZodString>;
        }, z.core.$strip>>;
        success: z.ZodNullable<z.ZodBoolean>;
        result: z.ZodUnknown;
        outputFiles: z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            size: z.ZodNumber;
            mediaType: z.ZodString;
            url: z.ZodString;
        }, z.core.$strip>>;
        worker: z.ZodNullable<z.ZodObject<{
            id: z.ZodString;
            host: z.ZodString;
            pid: z.ZodNumber;
        }, z.core.$strip>>;
        createdAt: z.ZodISODateTime;
        updatedAt: z.ZodISODateTime;
        runAt: z.ZodISODateTime;
        startedAt: z.ZodNullable<z.ZodISODateTime>;
        finishedAt: z.ZodNullable<z.ZodISODateTime>;
    }, z.core.$strip>>;
    nextCursor: z.ZodNullable<z.ZodString>;
}, z.core.$strip>;
/** One job type of `GET /job-types`. */
declare const jobTypeViewSchema: z.ZodObject<{
    type: z.ZodString;
    description: z.ZodNullable<z.ZodObject<{
        text: z.ZodString;
        key: z.ZodString;
        params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
    }, z.core.$strip>>;
    defaultQueue: z.ZodString;
    timeoutMs: z.ZodNullable<z.ZodNumber>;
    maxAttempts: z.ZodNumber;
    paramsSchema: z.ZodRecord<z.ZodString, z.ZodUnknown>;
}, z.core.$strip>;
/** Answer of `POST /jobs/:id/retry`: the same job, Enqueued again. */
declare const retryResponseSchema: z.ZodObject<{
    id: z.ZodString;
    job: z.ZodObject<{
        id: z.ZodString;
        type: z.ZodString;
        queue: z.ZodString;
        state: z.ZodEnum<{
            Scheduled: "Scheduled";
            Enqueued: "Enqueued";
            Processing: "Processing";
            Succeeded: "Succeeded";
            Failed: "Failed";
            Cancelled: "Cancelled";
            Awaiting: "Awaiting";
        }>;
        priority: z.ZodNumber;
        attempts: z.ZodNumber;
        maxAttempts: z.ZodNumber;
        customerId: z.ZodNullable<z.ZodString>;
        userId: z.ZodNullable<z.ZodString>;
        parentId: z.ZodNullable<z.ZodString>;
        parents: z.ZodArray<z.ZodObject<{
            id: z.ZodString;
            on: z.ZodEnum<{
                success: "success";
                failure: "failure";
                end: "end";
            }>;
        }, z.core.$strip>>;
        cancelRequested: z.ZodBoolean;
        progress: z.ZodNullable<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>;
        messages: z.ZodOptional<z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            seq: z.ZodNumber;
            at: z.ZodISODateTime;
            level: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
                progress: "progress";
            }>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>>;
        warnings: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
        }, z.core.$strip>>;
        errors: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            code: z.ZodString;
            severity: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
            }>;
            source: z.ZodOptional<z.ZodString>;
        }, z.core.$strip>>;
        success: z.ZodNullable<z.ZodBoolean>;
        result: z.ZodUnknown;
        outputFiles: z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            size: z.ZodNumber;
            mediaType: z.ZodString;
            url: z.ZodString;
        }, z.core.$strip>>;
        worker: z.ZodNullable<z.ZodObject<{
            id: z.ZodString;
            host: z.ZodString;
            pid: z.ZodNumber;
        }, z.core.$strip>>;
        createdAt: z.ZodISODateTime;
        updatedAt: z.ZodISODateTime;
        runAt: z.ZodISODateTime;
        startedAt: z.ZodNullable<z.ZodISODateTime>;
        finishedAt: z.ZodNullable<z.ZodISODateTime>;
    }, z.core.$strip>;
}, z.core.$strip>;
/** Answer of `DELETE /jobs/:id`. */
declare const deleteResponseSchema: z.ZodObject<{
    id: z.ZodString;
    deleted: z.ZodLiteral<true>;
}, z.core.$strip>;
/** Body of `GET /ready`: 200 when every check passed, 503 naming the ones that did not. */
declare const readinessViewSchema: z.ZodObject<{
    status: z.ZodEnum<{
        ready: "ready";
        unavailable: "unavailable";
    }>;
    unservedQueues: z.ZodArray<z.ZodObject<{
        queue: z.ZodString;
        waiting: z.ZodNumber;
        oldestRunAt: z.ZodISODateTime;
    }, z.core.$strip>>;
    checks: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        ok: z.ZodBoolean;
        outcome: z.ZodEnum<{
            timeout: "timeout";
            failed: "failed";
            ok: "ok";
        }>;
    }, z.core.$strip>>;
}, z.core.$strip>;
/** One recurring schedule of `GET /schedules`. */
declare const scheduleViewSchema: z.ZodObject<{
    name: z.ZodString;
    cron: z.ZodString;
    timezone: z.ZodString;
    type: z.ZodString;
    queue: z.ZodNullable<z.ZodString>;
    paused: z.ZodBoolean;
    nextRunAt: z.ZodNullable<z.ZodISODateTime>;
    lastRunAt: z.ZodNullable<z.ZodISODateTime>;
}, z.core.$strip>;
/** Answer of `PUT /schedules/:name`. */
declare const scheduleSaveResponseSchema: z.ZodObject<{
    created: z.ZodBoolean;
    schedule: z.ZodObject<{
        name: z.ZodString;
        cron: z.ZodString;
        timezone: z.ZodString;
        type: z.ZodString;
        queue: z.ZodNullable<z.ZodString>;
        paused: z.ZodBoolean;
        nextRunAt: z.ZodNullable<z.ZodISODateTime>;
        lastRunAt: z.ZodNullable<z.ZodISODateTime>;
    }, z.core.$strip>;
}, z.core.$strip>;
/** Answer of `POST /schedules/:name/trigger`: the job it enqueued now. */
declare const scheduleTriggerResponseSchema: z.ZodObject<{
    name: z.ZodString;
    jobId: z.ZodString;
    job: z.ZodObject<{
        id: z.ZodString;
        type: z.ZodString;
        queue: z.ZodString;
        state: z.ZodEnum<{
            Scheduled: "Scheduled";
            Enqueued: "Enqueued";
            Processing: "Processing";
            Succeeded: "Succeeded";
            Failed: "Failed";
            Cancelled: "Cancelled";
            Awaiting: "Awaiting";
        }>;
        priority: z.ZodNumber;
        attempts: z.ZodNumber;
        maxAttempts: z.ZodNumber;
        customerId: z.ZodNullable<z.ZodString>;
        userId: z.ZodNullable<z.ZodString>;
        parentId: z.ZodNullable<z.ZodString>;
        parents: z.ZodArray<z.ZodObject<{
            id: z.ZodString;
            on: z.ZodEnum<{
                success: "success";
                failure: "failure";
                end: "end";
            }>;
        }, z.core.$strip>>;
        cancelRequested: z.ZodBoolean;
        progress: z.ZodNullable<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>;
        messages: z.ZodOptional<z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            seq: z.ZodNumber;
            at: z.ZodISODateTime;
            level: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
                progress: "progress";
            }>;
            current: z.ZodOptional<z.ZodNumber>;
            total: z.ZodOptional<z.ZodNumber>;
            percent: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strip>>>;
        warnings: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
        }, z.core.$strip>>;
        errors: z.ZodArray<z.ZodObject<{
            text: z.ZodString;
            key: z.ZodString;
            params: z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull]>>;
            code: z.ZodString;
            severity: z.ZodEnum<{
                warning: "warning";
                info: "info";
                error: "error";
            }>;
            source: z.ZodOptional<z.ZodString>;
        }, z.core.$strip>>;
        success: z.ZodNullable<z.ZodBoolean>;
        result: z.ZodUnknown;
        outputFiles: z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            size: z.ZodNumber;
            mediaType: z.ZodString;
            url: z.ZodString;
        }, z.core.$strip>>;
        worker: z.ZodNullable<z.ZodObject<{
            id: z.ZodString;
            host: z.ZodString;
            pid: z.ZodNumber;
        }, z.core.$strip>>;
        createdAt: z.ZodISODateTime;
        updatedAt: z.ZodISODateTime;
        runAt: z.ZodISODateTime;
        startedAt: z.ZodNullable<z.ZodISODateTime>;
        finishedAt: z.ZodNullable<z.ZodISODateTime>;
    }, z.core.$strip>;
}, z.core.$strip>;
/** Answer of `DELETE /schedules/:name`. */
declare const scheduleDeleteResponseSchema: z.ZodObject<{
    name: z.ZodString;
    deleted: z.ZodLiteral<true>;
}, z.core.$strip>;
/** A rendered message. */
type MessageView = z.infer<typeof messageViewSchema>;
/** A rendered log entry. */
type LogEntryView = z.infer<typeof logEntryViewSchema>;
/** A rendered ErrorInfo entry. */
type ErrorView = z.infer<typeof errorViewSchema>;
/** A downloadable output file. */
type OutputFileView = z.infer<typeof outputFileViewSchema>;
/** A job as the API shows it. */
type JobView = z.infer<typeof jobViewSchema>;
/** A job type as the API shows it. */
type JobTypeView = z.infer<typeof jobTypeViewSchema>;
/** Answer of `POST /jobs/:id/retry`. */
type RetryResponse = z.infer<typeof retryResponseSchema>;
/** Answer of `DELETE /jobs/:id`. */
type DeleteResponse = z.infer<typeof deleteResponseSchema>;
/** Answer of `PUT /schedules/:name`. */
type ScheduleSaveResponse = z.infer<typeof scheduleSaveResponseSchema>;
/** Answer of `POST /schedules/:name/trigger`. */
type ScheduleTriggerResponse = z.infer<typeof scheduleTriggerResponseSchema>;
/** Answer of `DELETE /schedules/:name`. */
type ScheduleDeleteResponse = z.infer<typeof scheduleDeleteResponseSchema>;
/** Body of `GET /ready`. */
type ReadinessView = z.infer<typeof readinessViewSchema>;
/** A schedule as the API shows it. */
type ScheduleView = z.infer<typeof scheduleViewSchema>;
/** A page of jobs. */
type JobPageView = z.infer<typeof jobPageViewSchema>;
/** Response of enqueue. */
type EnqueueResponse = z.infer<typeof enqueueResponseSchema>;
/** Response of cancel. */
type CancelResponse = z.infer<typeof cancelResponseSchema>;

/** Renders records in one language; built per request. */
interface RenderContext {
    /** Renders message keys. */
    translator: Translator;
    /** Language of the caller. */
    lang: string;
    /** Path prefix the API is mounted under ('' standalone), for links. */
    prefix: string;
}

/** Who is calling, for which customer, in which language: what every handler needs first. */
interface RequestScope {
    /** The authenticated caller. */
    caller: Caller;
    /** The customer every read and change is restricted to. */
    customerId: string;
    /** How to render messages for this caller. */
    render: RenderContext;
}
/** Shared state of one mounted API: options, the translator, the authenticator and the mount prefix. */
declare class ApiContext {
    /** Resolved options. */
    readonly options: ResolvedHttpOptions;
    /** Renders job and API messages. */
    readonly translator: Translator;
    /** Checks bearer tokens. */
    readonly authenticator: Authenticator;
    /** Path prefix the API is mounted under ('' standalone). */
    readonly prefix: string;
    /** Which queues the live runners serve. */
    readonly coverage: QueueCoverage;
    constructor(
    /** Resolved options. */
    options: ResolvedHttpOptions, 
    /** Renders job and API messages. */
    translator: Translator, 
    /** Checks bearer tokens. */
    authenticator: Authenticator, 
    /** Path prefix the API is mounted under ('' standalone). */
    prefix: string);
    /** The caller's language. */
    languageOf(request: FastifyRequest): string;
    /** Where this request's failures are logged: the `logger` option, else fastify's request logger. */
    logOf(request: FastifyRequest): Logger;
    /**
     * Authenticates the request, then parses its query, then checks the permission and the
     * `?customerId=` the caller may use. Every handler starts here, so none can skip the tenant
     * check, and an anonymous caller learns nothing about the query rules.
     */
    scope<S extends z.ZodType<{
        customerId?: string | undefined;
    }>>(request: FastifyRequest, permission: Permission, querySchema: S): Promise<{
        scope: RequestScope;
        query: z.output<S>;
    }>;
}

/** Who the page is signed in as: what `GET /dashboard/api/me` answers. */
interface DashboardIdentity {
    /** User of the token. */
    userId: string;
    /** Customer the calls act for (an admin's `?customerId=`, else the token's). */
    customerId: string;
    /** Roles of the token, which decide the buttons the page shows (the server checks each call anyway). */
    roles: readonly string[];
}
/**
 * Registers the dashboard under `/dashboard`: a static shell and its script and style (no token
 * needed: they hold no data), and two small read routes the page needs besides the API
 * (`api/me`, `api/overview`, `api/jobs/:id/params`), behind the API's authentication and tenant rules.
 */
declare function registerDashboard(app: FastifyInstance, api: ApiContext, assets?: DashboardAssets): void;
/** Whether the `dashboard` option turns the dashboard on; anything but a boolean is refused by name. */
declare function dashboardEnabled(value: unknown): boolean;

/** Jobs counted per state before the count is reported as a lower bound. */
declare const OVERVIEW_COUNT_LIMIT = 10000;
/** Counts of one queue. */
interface QueueOverview {
    /** The queue. */
    queue: string;
    /** Jobs of the queue per state (only states with jobs). */
    states: Partial<Record<JobState, number>>;
    /** Creation time of the oldest Enqueued job of the queue, when one was seen. */
    oldestWaitingAt: string | null;
    /** Id of that job. */
    oldestWaitingId: string | null;
    /** States of the queue whose count is an estimate. */
    estimated: JobState[];
}
/** What `GET /dashboard/api/overview` answers. */
interface OverviewView {
    /** Jobs per state. */
    states: Record<JobState, number>;
    /** States whose count is the adapter's estimate (shown with ≈). */
    estimated: JobState[];
    /** States whose count stopped at `limit` (there are more): only when the adapter cannot count. */
    capped: JobState[];
    /** The count limit per state of counting by listing. */
    limit: number;
    /** `counts` when the adapter counted (`QueueAdapter.countJobs`), `scan` when the jobs were listed. */
    method: 'counts' | 'scan';
    /** Per queue, sorted by name. */
    queues: QueueOverview[];
}
/**
 * A customer's jobs per state and queue: from the adapter's counts when it has them (no scan:
 * live states exact, finished states possibly estimated), else by listing them (`scanOverview`).
 */
declare function buildOverview(client: HangarClient, customerId: string, limit?: number): Promise<OverviewView>;
/**
 * Counts a customer's jobs per state and queue by listing them (pages of 1000, newest first):
 * for an adapter without `countJobs`: a scan whose cost grows with the number of jobs, bounded by `limit` per state. The oldest
 * waiting job of a queue is the last Enqueued one the scan met, exact when its state was not capped.
 */
declare function scanOverview(client: HangarClient, customerId: string, limit?: number): Promise<OverviewView>;

/** Messages of the keys the HTTP API emits, in English and French. */
declare const httpMessages: {
    readonly en: {
        readonly 'hangar.http.requestInvalid': "The request is invalid: {issues}";
        readonly 'hangar.http.routeNotFound': "No route {method} {url}; see /openapi.json for the routes";
        readonly 'hangar.http.fileNotFound': "Job {jobId} has no output file named \"{name}\"";
        readonly 'hangar.http.filesNotServed': "This server does not serve output files (no filesRoot is configured)";
        readonly 'hangar.http.customerForbidden': "Only an admin token may act on another customer (customerId={customerId})";
        readonly 'hangar.http.roleRequired': "This action needs the {role} role; your token has: {roles}";
        readonly 'hangar.http.systemJobForbidden': "Only an admin token may enqueue a system job (one without a customer); your token has: {roles}";
        readonly 'hangar.http.internal': "Internal server error (request {requestId}); the server log has the details under this request id";
        readonly 'hangar.http.unavailable': "The server is shutting down; retry shortly";
        readonly 'hangar.http.scheduleNameTaken': "The schedule name \"{name}\" is already taken; choose another name";
        readonly 'hangar.http.triggerNameTaken': "The trigger name \"{name}\" is already taken; choose another name";
        readonly 'hangar.http.queueNotServed': "No running runner serves queue \"{queue}\" for job type \"{type}\"; the job is stored and waits until one starts";
    };
    readonly fr: {
        readonly 'hangar.http.requestInvalid': "La requête est invalide : {issues}";
        readonly 'hangar.http.routeNotFound': "Aucune route {method} {url} ; voir /openapi.json pour la liste des routes";
        readonly 'hangar.http.fileNotFound': "La tâche {jobId} n'a pas de fichier de sortie nommé « {name} »";
        readonly 'hangar.http.filesNotServed': "Ce serveur ne sert pas de fichiers de sortie (aucun filesRoot n'est configuré)";
        readonly 'hangar.http.customerForbidden': "Seul un jeton admin peut agir pour un autre client (customerId={customerId})";
        readonly 'hangar.http.roleRequired': "Cette action nécessite le rôle {role} ; votre jeton a : {roles}";
        readonly 'hangar.http.systemJobForbidden': "Seul un jeton admin peut mettre en file une tâche système (sans client) ; votre jeton a : {roles}";
        readonly 'hangar.http.internal': "Erreur interne du serveur (requête {requestId}) ; le journal du serveur en donne le détail sous ce numéro de requête";
        readonly 'hangar.http.unavailable': "Le serveur est en cours d'arrêt ; réessayez dans un instant";
        readonly 'hangar.http.scheduleNameTaken': "Le nom de planification « {name} » est déjà pris ; choisissez-en un autre";
        readonly 'hangar.http.triggerNameTaken': "Le nom de déclencheur « {name} » est déjà pris ; choisissez-en un autre";
        readonly 'hangar.http.queueNotServed': "Aucun runner actif ne sert la file « {queue} » pour le type de tâche « {type} » ; la tâche est enregistrée et attend qu'il en démarre un";
    };
};

/**
 * The API as a fastify plugin, for mounting inside an existing service:
 * `app.register(hangarHttpPlugin, { prefix: '/hangar', client, auth })`. Its error handler and
 * routes stay inside the plugin's scope, so the host's own routes are untouched.
 */
declare const hangarHttpPlugin: FastifyPluginAsync<HangarHttpOptions>;
/** Options of the standalone server: the API's options plus those of the fastify instance. */
interface HttpServerOptions extends HangarHttpOptions {
    /**
     * Options of the fastify instance (logger, bodyLimit, trustProxy, ...). Without `logger` or
     * `loggerInstance`, fastify's logger writes warnings and errors (JSON lines on stdout), so
     * failed requests are never silent; without `genReqId`, request ids are random UUIDs.
     * @defaultValue {}
     */
    fastify?: FastifyServerOptions;
}
/**
 * A fastify instance serving the API at the root; call `.listen({ port, host })` on it and
 * `.close()` to stop. Options are checked now, so a bad token table fails before listening.
 * Every error, fastify's and Node's own refusals included (unknown route, over-long path
 * segment, bad URL, headers too large), has the API's JSON body.
 */
declare function createHttpServer(options: HttpServerOptions): FastifyInstance;

/** A JSON schema object. */
type JsonSchema = Record<string, unknown>;
/** Settings of the document that depend on the server. */
interface OpenApiSettings {
    /** `info.title`. */
    title: string;
    /** `info.version`. */
    version: string;
    /** Mount prefix ('' standalone). */
    prefix: string;
    /** Default page size of the listing. */
    defaultPageSize: number;
    /** Largest page size of the listing. */
    maxPageSize: number;
    /** Whether `GET /metrics` is served. */
    metrics: boolean;
    /** The job types a caller may enqueue, with the JSON schema of their parameters as sent. */
    jobTypes: ReadonlyArray<{
        type: string;
        paramsSchema: unknown;
    }>;
}

/** The parts of an OpenAPI 3.1 document this API produces. */
interface OpenApiDocument {
    /** OpenAPI version. */
    openapi: '3.1.0';
    /** Title and version of the API. */
    info: {
        title: string;
        version: string;
        description: string;
    };
    /** Base URL: the mount prefix, so the paths stay the same standalone and embedded. */
    servers: Array<{
        url: string;
    }>;
    /** Operations by path (`/jobs/{id}`) and lower-case method. */
    paths: Record<string, Record<string, JsonSchema>>;
    /** Shared schemas and the bearer scheme. */
    components: {
        schemas: Record<string, JsonSchema>;
        securitySchemes: Record<string, JsonSchema>;
    };
    /** Every operation needs the bearer token, but those whose own `security` is empty. */
    security: Array<Record<string, string[]>>;
}
/** Builds the OpenAPI 3.1 document of the API from the same zod schemas the handlers validate with. */
declare function buildOpenApiDocument(settings: OpenApiSettings): OpenApiDocument;

/**
 * A schedule of this name exists and belongs to another customer (or to no customer): names are
 * unique across the queue, so the caller has to choose another. Which owner is never said.
 */
declare class ScheduleNameTakenError extends HangarError {
    constructor(name: string);
}

export { API_ROLES, type ApiRole, type ApiToken, type AuthOptions, type Caller, type CancelResponse, type DashboardAssets, type DashboardIdentity, type DashboardMessageKey, type DeleteResponse, type EnqueueResponse, type ErrorBody, type ErrorView, FileNotFoundError, ForbiddenError, HTTP_DEFAULTS, HTTP_STATUS_BY_CODE, type HangarHttpOptions, type HttpServerOptions, type JobPageView, type JobTypeView, type JobView, type LogEntryView, METRICS_DEFAULTS, MIN_TOKEN_LENGTH, type MessageView, type MetricsOptions, OVERVIEW_COUNT_LIMIT, type OpenApiDocument, type OpenApiSettings, type OutputFileView, type OverviewView, type QueueOverview, type ReadinessCheck, type ReadinessView, RequestInvalidError, type RetryResponse, RouteNotFoundError, type ScheduleDeleteResponse, ScheduleNameTakenError, type ScheduleSaveResponse, type ScheduleTriggerResponse, type ScheduleView, UnauthorizedError, buildOpenApiDocument, buildOverview, createHttpServer, dashboardAssetsDir, dashboardEnabled, dashboardMessages, hangarHttpPlugin, httpMessages, loadDashboardAssets, registerDashboard, resolveHttpOptions, scanOverview };
