namespace EdgeMigration.Core.Json;

/// <summary>Reads a document's own layout (line breaks, indentation, colon spacing) for what is added to it.</summary>
internal static class StyleDetector
{
    public static JsonStyle Detect(JNode root)
    {
        string? firstTrivia = null, afterColon = null;
        switch (root)
        {
            case JObject obj when obj.Count > 0:
                firstTrivia = obj.Members[0].BeforeName;
                afterColon = obj.Members[0].AfterColon;
                break;
            case JArray array when array.Count > 0:
                firstTrivia = array.Elements[0].Before;
                afterColon = FirstAfterColon(array[0]);
                break;
        }
        var indent = Trivia.LineIndent(firstTrivia);
        if (indent is null)
        {
            return new JsonStyle(false, "\n", "  ", afterColon is not null && Trivia.IsWhitespace(afterColon) ? afterColon : "");
        }
        var newline = firstTrivia!.Contains("\r\n") ? "\r\n" : "\n";
        return new JsonStyle(
            true,
            newline,
            indent.Length == 0 ? "  " : indent,
            afterColon is not null && Trivia.IsWhitespace(afterColon) ? afterColon : " ");
    }

    private static string? FirstAfterColon(JNode node) => node is JObject { Count: > 0 } obj ? obj.Members[0].AfterColon : null;
}
