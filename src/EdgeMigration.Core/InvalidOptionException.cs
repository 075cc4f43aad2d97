using System;

namespace EdgeMigration.Core;

/// <summary>
/// An option that cannot be used, with its name as <see cref="ArgumentException.ParamName"/>. Its message is the
/// sentence alone: it already names the option, and .NET's " (Parameter 'x')" would end the error a user reads.
/// </summary>
public sealed class InvalidOptionException : ArgumentException
{
    private readonly string _message;

    public InvalidOptionException(string message, string option, Exception? innerException = null)
        : base(message, option, innerException) => _message = message;

    public override string Message => _message;
}
