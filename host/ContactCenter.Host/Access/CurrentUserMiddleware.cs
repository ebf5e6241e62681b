namespace ContactCenter.Host.Access;

/// <summary>Pins the request's principal on the scoped <see cref="CurrentUser"/> once authentication ran.</summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Principal = context.User;
        return next(context);
    }
}
