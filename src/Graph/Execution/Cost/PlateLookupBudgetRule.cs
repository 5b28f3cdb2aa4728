using CityTwin.Graph.Auth;
using GraphQL.Validation;

namespace CityTwin.Graph.Execution.Cost;

/// <summary>
/// Before execution: at most <see cref="GraphQLLimitsOptions.MaxPlateLookupsPerRequest"/> plate lookups in one
/// document, and each one spends a token of the caller's budget (all or none), so aliasing a lookup 700 times costs
/// 700 tokens, not one. Refusals are <c>PLATE_LOOKUP_LIMIT</c> or <c>RATE_LIMITED</c> with the numbers in the message.
/// </summary>
internal sealed class PlateLookupBudgetRule(GraphQLLimitsOptions limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is null) return default;
        var lookups = PlateLookupCounter.Count(context.Schema, context.Document, context.Operation);
        if (lookups == 0) return default;
        if (lookups > limits.MaxPlateLookupsPerRequest)
        {
            context.ReportError(new CostError(GraphQLErrorCodes.PlateLookupLimit,
                $"This request looks up {lookups} plates; at most {limits.MaxPlateLookupsPerRequest} are allowed in one request."));
            return default;
        }
        if (context.UserContext is TwinUserContext { Principal: var principal }
            && context.RequestServices?.GetService(typeof(ApiKeyRateLimiter)) is ApiKeyRateLimiter limiter
            && !limiter.TryAcquire(principal, lookups, out var retryAfter))
        {
            var (perSecond, burst) = limiter.BudgetOf(principal);
            context.ReportError(new CostError(GraphQLErrorCodes.RateLimited,
                $"This request looks up {lookups} plates and each lookup spends one token; this key has {limiter.State(principal).Remaining} " +
                $"of {burst} left ({perSecond} per second). Retry in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s.",
                retryAfter));
        }
        return default;
    }
}
