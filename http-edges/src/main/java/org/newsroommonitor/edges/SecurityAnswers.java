package org.newsroommonitor.edges;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


/**
 * Answers every refusal of Quarkus security as {@code {"error": "why"}} ({@link ErrorBody}), in every service that
 * depends on this module (also where {@link ErrorMappers#FRAMEWORK_ANSWERS} is {@code own}): 401 when the caller is
 * not signed in or its credentials are wrong (with the challenge of the authentication mechanism, e.g.
 * {@code WWW-Authenticate: Basic}), 403 when the caller is signed in but lacks the role. Refusals by an endpoint's
 * annotations ({@code @RolesAllowed}) and by HTTP permissions checked for JAX-RS ({@code applies-to=JAXRS}) reach
 * the exception mappers here; those decided before JAX-RS (wrong credentials, proactive authentication) reach the
 * route failure handler. Without this, Quarkus answers both with an empty body.
 */
@ApplicationScoped
public class SecurityAnswers {

    static final String NOT_SIGNED_IN = "sign in first: this needs an authenticated user";
    static final String BAD_CREDENTIALS = "the credentials were not accepted";
    static final String FORBIDDEN = "your role does not allow this";

    private final ObjectMapper mapper;

    public SecurityAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        // first of the failure handlers: before Quarkus' own, which would answer with an empty body
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refused);
    }

    @ServerExceptionMapper
    public Uni<RestResponse<ErrorBody>> unauthorized(UnauthorizedException e, RoutingContext context) {
        return challenge(context).map(challenge -> answer(challenge, NOT_SIGNED_IN));
    }

    @ServerExceptionMapper
    public Uni<RestResponse<ErrorBody>> authenticationFailed(AuthenticationFailedException e,
                                                             RoutingContext context) {
        return challenge(context).map(challenge -> answer(challenge, BAD_CREDENTIALS));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> forbidden(ForbiddenException e) {
        return ErrorMappers.answer(403, FORBIDDEN);
    }

    private static RestResponse<ErrorBody> answer(ChallengeData challenge, String message) {
        RestResponse.ResponseBuilder<ErrorBody> answer = RestResponse.ResponseBuilder
                .<ErrorBody>create(401).entity(new ErrorBody(message)).type(MediaType.APPLICATION_JSON_TYPE);
        if (challenge != null) {
            challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
        }
        return answer.build();
    }

    private void refused(RoutingContext context) {
        Throwable failure = rootCause(context.failure());
        if (context.response().ended()) {
            context.next();
        } else if (failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationCompletionException) {
            challenge(context).subscribe().with(challenge -> end(context, challenge, BAD_CREDENTIALS),
                    error -> end(context, null, BAD_CREDENTIALS));
        } else if (failure instanceof UnauthorizedException) {
            challenge(context).subscribe().with(challenge -> end(context, challenge, NOT_SIGNED_IN),
                    error -> end(context, null, NOT_SIGNED_IN));
        } else if (failure instanceof ForbiddenException) {
            end(context, 403, FORBIDDEN);
        } else {
            context.next();
        }
    }

    /** The challenge of the service's authentication mechanisms, or null where there is none. */
    private static Uni<ChallengeData> challenge(RoutingContext context) {
        HttpAuthenticator authenticator = context == null ? null : context.get(HttpAuthenticator.class.getName());
        return authenticator == null ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(context).onFailure().recoverWithNull();
    }

    private void end(RoutingContext context, ChallengeData challenge, String message) {
        if (challenge != null) {
            challenge.getHeaders().forEach((name, value) -> context.response().headers().set(name, value));
        }
        end(context, 401, message);
    }

    private void end(RoutingContext context, int status, String message) {
        if (!context.response().ended()) {
            ErrorRoutes.answer(context, mapper, status, message);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof AuthenticationFailedException || cause instanceof UnauthorizedException
                || cause instanceof ForbiddenException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
